package io.punchsim.reports.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The pooled two-proportion z-test, two-sided. */
public final class TwoProportionTest {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private TwoProportionTest() {
    }

    /** z statistic (positive when the second proportion is larger) and two-sided p-value. */
    public static TestResult test(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0) {
            throw new IllegalArgumentException("both samples need trials, got " + n1 + " and " + n2);
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        if (variance == 0) {
            // Both samples all-success or all-failure: no evidence of a difference.
            return new TestResult(ProportionTest.Method.Z_TEST, 0.0, 1.0);
        }
        double z = (p2 - p1) / Math.sqrt(variance);
        double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
        return new TestResult(ProportionTest.Method.Z_TEST, z, Math.min(1.0, p));
    }
}
