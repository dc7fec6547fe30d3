package io.punchsim.reports.format;

import io.punchsim.reports.aggregate.OutcomeCounts;
import io.punchsim.reports.aggregate.PointAggregate;
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
        return pooledAlong(report, axis).stream().map(pooled -> of(pooled.outcomes())).toList();
    }

    /** For each value of the axis, in axis order, every point with that value pooled into one aggregate. */
    static List<PointAggregate> pooledAlong(SweepReport report, SweepAxis axis) {
        List<PointAggregate> pooled = new ArrayList<>();
        for (String value : axis.values()) {
            PointAggregate at = new PointAggregate();
            for (SweepPoint p : report.points()) {
                if (value.equals(p.parameters().get(axis.name()))) {
                    at.merge(p.aggregate());
                }
            }
            pooled.add(at);
        }
        return pooled;
    }

    static Proportion[] of(OutcomeCounts counts) {
        Proportion[] row = new Proportion[Outcome.values().length];
        for (Outcome o : Outcome.values()) {
            row[o.ordinal()] = counts.rate(o);
        }
        return row;
    }
}
