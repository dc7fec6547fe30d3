package io.punchsim.reports.stats;

/**
 * When a change in a connect-time percentile counts. Percentiles have no cheap exact test, so the
 * rule is a stated bound: the relative change must exceed {@link #RELATIVE_BOUND} (far above the
 * histograms' own {@link #HISTOGRAM_RELATIVE_PRECISION}), and both sides need at least
 * {@link #MIN_SAMPLES} connected runs, below which a tail percentile is one or two runs.
 */
public final class PercentileChangeRule {

    public static final double RELATIVE_BOUND = 0.10;
    /** HdrHistogram with 3 significant digits keeps every value within 0.1%. */
    public static final double HISTOGRAM_RELATIVE_PRECISION = 0.001;
    public static final long MIN_SAMPLES = 30;

    public static final String DESCRIPTION = "a connect-time percentile changes when it moves by more than "
            + "max(10%, 2 x the histogram precision of 0.1%) of the baseline value, with at least 30 connected runs on each side";

    private PercentileChangeRule() {
    }

    /** The bound a relative change must exceed. */
    public static double bound() {
        return Math.max(RELATIVE_BOUND, 2 * HISTOGRAM_RELATIVE_PRECISION);
    }

    /** Whether the two percentiles (with their sample counts) differ by more than the bound. */
    public static boolean isChange(long baselineValue, long baselineSamples, long currentValue, long currentSamples) {
        if (baselineSamples < MIN_SAMPLES || currentSamples < MIN_SAMPLES) {
            return false;
        }
        if (baselineValue == 0) {
            return currentValue != 0;
        }
        return Math.abs((double) (currentValue - baselineValue)) / baselineValue > bound();
    }
}
