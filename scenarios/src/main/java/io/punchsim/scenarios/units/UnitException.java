package io.punchsim.scenarios.units;

/** A value that does not read as the unit it should; the message says the expected form. */
public final class UnitException extends IllegalArgumentException {

    public UnitException(String message) {
        super(message);
    }
}
