package io.punchsim.reports.format;

import io.punchsim.reports.aggregate.OutcomeCounts;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.stats.Proportion;
import io.punchsim.reports.sweep.SweepAxis;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Rates along one axis, pooling the counts of every point that has that axis value (the marginal over
 * the other axes). With one axis this is exactly the per-point rate.
 */
final class MarginalRates {

    private MarginalRates() {
    }

    /** One {@code Proportion[]} (indexed by outcome) per value of the axis, in axis order. */
    static List<Proportion[]> along(SweepReport report, SweepAxis axis) {
        List<Proportion[]> rates = new ArrayList<>();
        for (String value : axis.values()) {
            OutcomeCounts pooled = new OutcomeCounts(0, 0, 0);
            for (SweepPoint p : report.points()) {
                if (value.equals(p.parameters().get(axis.name()))) {
                    pooled = pooled.plus(p.aggregate().outcomes());
                }
            }
            rates.add(of(pooled));
        }
        return rates;
    }

    static Proportion[] of(OutcomeCounts counts) {
        Proportion[] row = new Proportion[Outcome.values().length];
        for (Outcome o : Outcome.values()) {
            row[o.ordinal()] = counts.rate(o);
        }
        return row;
    }
}
