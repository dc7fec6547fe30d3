package io.punchsim.reports.outcome;

/**
 * Round-trip times measured in one run's game-update phase: enough to pool means and maxima across
 * runs without keeping samples.
 */
public record RttSummary(GamePath path, long samples, long sumNanos, long maxNanos) {

    /** For runs without a game phase (failed, or the phase switched off). */
    public static final RttSummary NONE = new RttSummary(GamePath.DIRECT, 0, 0, 0);

    public RttSummary {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        if (samples < 0 || sumNanos < 0 || maxNanos < 0) {
            throw new IllegalArgumentException("RTT summary values must be non-negative");
        }
        if (samples > 0 && maxNanos * samples < sumNanos) {
            throw new IllegalArgumentException("RTT max " + maxNanos + " is below the mean of " + samples + " samples summing to " + sumNanos);
        }
    }

    public boolean isEmpty() {
        return samples == 0;
    }

    /** Mean RTT of this run in nanoseconds, rounded down; 0 without samples. */
    public long meanNanos() {
        return samples == 0 ? 0 : sumNanos / samples;
    }
}
