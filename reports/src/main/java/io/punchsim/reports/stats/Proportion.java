package io.punchsim.reports.stats;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A count out of a number of trials, with its Wilson score 95% interval.
 *
 * <p>Wilson rather than the normal approximation because it stays inside [0, 1] and keeps its
 * coverage at 0 and n successes, which is where gates on rare failures live.
 */
public record Proportion(long successes, long trials, double estimate, double lower, double upper) {

    /** Confidence level of every interval in the reports. */
    public static final double CONFIDENCE = 0.95;

    private static final WilsonScoreInterval WILSON = new WilsonScoreInterval();

    /** The Wilson 95% interval of {@code successes} out of {@code trials}; [0, 1] around 0 when there were no trials. */
    public static Proportion wilson(long successes, long trials) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
        }
        if (trials == 0) {
            return new Proportion(0, 0, 0.0, 0.0, 1.0);
        }
        if (trials > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many trials for the interval: " + trials);
        }
        ConfidenceInterval ci = WILSON.createInterval((int) trials, (int) successes, CONFIDENCE);
        // Exact 0 and 1 at the edges: rounding would otherwise leave -1e-17 or 0.9999999999999999.
        double lower = successes == 0 ? 0.0 : Math.max(0.0, ci.getLowerBound());
        double upper = successes == trials ? 1.0 : Math.min(1.0, ci.getUpperBound());
        return new Proportion(successes, trials, (double) successes / trials, lower, upper);
    }
}
