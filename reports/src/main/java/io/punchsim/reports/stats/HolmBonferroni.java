package io.punchsim.reports.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction for many comparisons: it holds the family-wise error rate at alpha, as
 * Bonferroni does, while rejecting at least as often.
 */
public final class HolmBonferroni {

    public static final String DESCRIPTION = "Holm-Bonferroni step-down correction, family-wise alpha 0.05";

    private HolmBonferroni() {
    }

    /** Holm-adjusted p-values, in the input order: compare each with alpha. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        // Stable sort keeps equal p-values in input order, so the result is deterministic.
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
