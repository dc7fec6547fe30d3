package io.punchsim.cli;

/** Input the user can fix: a bad scenario file, reports that do not match, a missing file. Exit code 2. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }

    BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
