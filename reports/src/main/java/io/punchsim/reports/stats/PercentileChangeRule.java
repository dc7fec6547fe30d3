package io.punchsim.reports.stats;

import org.HdrHistogram.Histogram;

/**
 * When a change in a connect-time percentile counts. Connect times come in steps (one per attempt
 * interval), so a percentile near a step can jump between two runs of the same distribution; a
 * bare relative threshold would call that a change. The rule therefore needs all of:
 * <ul>
 *   <li>at least {@link #MIN_SAMPLES} connected runs on each side;</li>
 *   <li>a relative change of the estimate above {@link #bound()}: max(10%, 2 × the histograms'
 *       precision of 0.1%);</li>
 *   <li>disjoint distribution-free 95% confidence intervals of the percentile on the two sides
 *       (order statistics of ranks n·q ∓ 1.96·√(n·q·(1−q)), as in Conover, <i>Practical
 *       Nonparametric Statistics</i>, §3.2).</li>
 * </ul>
 */
public final class PercentileChangeRule {

    public static final double RELATIVE_BOUND = 0.10;
    /** HdrHistogram with 3 significant digits keeps every value within 0.1% (times also resolve 100 us). */
    public static final double HISTOGRAM_RELATIVE_PRECISION = 0.001;
    public static final long MIN_SAMPLES = 30;
    private static final double Z95 = 1.959963984540054;

    public static final String DESCRIPTION = "a connect-time percentile changes when, with at least 30 connected runs on each side, "
            + "it moves by more than max(10%, 2 x the histogram precision of 0.1%) of the baseline value and the distribution-free "
            + "95% confidence intervals of the percentile (binomial order statistics) of the two reports do not overlap";

    private PercentileChangeRule() {
    }

    /** The bound a relative change must exceed. */
    public static double bound() {
        return Math.max(RELATIVE_BOUND, 2 * HISTOGRAM_RELATIVE_PRECISION);
    }

    /**
     * The distribution-free 95% confidence interval of the {@code percentile} (0..100): the values of
     * the order statistics at ranks floor(n·q − z·√(n·q·(1−q))) and ceil(n·q + z·√(n·q·(1−q))), clipped to 1..n.
     */
    public static long[] interval(Histogram h, double percentile) {
        long n = h.getTotalCount();
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        double q = percentile / 100.0;
        double half = Z95 * Math.sqrt(n * q * (1 - q));
        long lowRank = Math.max(1, Math.min(n, (long) Math.floor(n * q - half)));
        long highRank = Math.max(1, Math.min(n, (long) Math.ceil(n * q + half)));
        return new long[] {valueAtRank(h, lowRank), valueAtRank(h, highRank)};
    }

    /** The value of the rank-th smallest recorded value (1-based), to the histogram's precision. */
    static long valueAtRank(Histogram h, long rank) {
        long seen = 0;
        for (var v : h.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            if (seen >= rank) {
                return h.highestEquivalentValue(v.getValueIteratedTo());
            }
        }
        return h.getMaxValue();
    }

    /** Whether the percentile of {@code current} differs from that of {@code baseline} by the rule above. */
    public static boolean isChange(Histogram baseline, Histogram current, double percentile) {
        if (baseline.getTotalCount() < MIN_SAMPLES || current.getTotalCount() < MIN_SAMPLES) {
            return false;
        }
        long b = baseline.getValueAtPercentile(percentile);
        long c = current.getValueAtPercentile(percentile);
        boolean large = b == 0 ? c != 0 : Math.abs((double) (c - b)) / b > bound();
        if (!large) {
            return false;
        }
        long[] bi = interval(baseline, percentile);
        long[] ci = interval(current, percentile);
        return bi[1] < ci[0] || ci[1] < bi[0];
    }
}
