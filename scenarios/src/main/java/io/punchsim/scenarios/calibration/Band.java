package io.punchsim.scenarios.calibration;

/**
 * The range of direct rates that agrees with a field figure, and why it is that range.
 *
 * @param low  lowest direct rate that agrees, in 0..1
 * @param high highest direct rate that agrees, in 0..1
 */
public record Band(double low, double high, String why) {
    public Band {
        if (!(0 <= low && low <= high && high <= 1)) {
            throw new IllegalArgumentException("a band is 0 <= low <= high <= 1: " + low + ", " + high);
        }
    }
}
