package io.punchsim.protocol.config;

/**
 * A fraction kept exact, so {@code n < f × L} is decided in integers: with a double, 0.3 × 10 is
 * 3.0000000000000004 and attempt 3 would wrongly still be direct.
 */
public record Fraction(int numerator, int denominator) {

    public static final Fraction TWO_THIRDS = new Fraction(2, 3);

    public Fraction {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("fraction must be in [0, 1]: " + numerator + "/" + denominator);
        }
    }

    /** {@code n < this × limit}. */
    public boolean exceeds(int n, int limit) {
        return (long) n * denominator < (long) numerator * limit;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
