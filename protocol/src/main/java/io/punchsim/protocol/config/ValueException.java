package io.punchsim.protocol.config;

/**
 * A value that does not parse or lies outside its range. The message is written in the words of
 * the file or command line the value came from, so a front end only adds where it was.
 */
public final class ValueException extends IllegalArgumentException {
    public ValueException(String message) {
        super(message);
    }
}
