package io.punchsim.reports.aggregate;

import org.HdrHistogram.Histogram;

/**
 * Game-phase round-trip times over the runs of one path: pooled samples (mean and maximum over all
 * samples) and the distribution of each run's own mean.
 */
public record RttStats(long runs, long samples, long sumNanos, long maxNanos, Histogram perRunMeanNanos) {

    /** Mean over all samples in nanoseconds; 0 without samples. */
    public double meanNanos() {
        return samples == 0 ? 0.0 : (double) sumNanos / samples;
    }
}
