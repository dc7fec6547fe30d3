package io.punchsim.reports.stats;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test on a 2×2 table
 * <pre>
 *   a b
 *   c d
 * </pre>
 * conditioned on its margins, so the top-left cell is hypergeometric.
 */
public final class FisherExactTest {

    /** Tables whose probability is within this relative margin of the observed one count as "as extreme". */
    private static final double RELATIVE_TIE = 1e-7;

    private FisherExactTest() {
    }

    /** Probability of a top-left count at least {@code a} (the one-sided test toward larger a). */
    public static double greater(long a, long b, long c, long d) {
        HypergeometricDistribution h = distribution(a, b, c, d);
        return clamp(h.upperCumulativeProbability((int) a));
    }

    /** Probability of a top-left count at most {@code a}. */
    public static double less(long a, long b, long c, long d) {
        HypergeometricDistribution h = distribution(a, b, c, d);
        return clamp(h.cumulativeProbability((int) a));
    }

    /** Two-sided: the total probability of tables no more likely than the observed one. */
    public static double twoSided(long a, long b, long c, long d) {
        HypergeometricDistribution h = distribution(a, b, c, d);
        double observed = h.probability((int) a);
        double total = 0;
        for (int x = h.getSupportLowerBound(); x <= h.getSupportUpperBound(); x++) {
            double p = h.probability(x);
            if (p <= observed * (1 + RELATIVE_TIE)) {
                total += p;
            }
        }
        return clamp(total);
    }

    private static HypergeometricDistribution distribution(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("table counts must be non-negative");
        }
        long n = a + b + c + d;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("table too large for the exact test: " + n);
        }
        // Population n, "successes" = first row total, draws = first column total.
        return new HypergeometricDistribution(null, (int) n, (int) (a + b), (int) (a + c));
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
