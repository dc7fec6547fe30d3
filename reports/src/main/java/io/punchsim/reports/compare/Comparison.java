package io.punchsim.reports.compare;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.GateMetric;
import io.punchsim.reports.stats.HolmBonferroni;
import io.punchsim.reports.stats.PercentileChangeRule;
import io.punchsim.reports.stats.Proportion;
import io.punchsim.reports.stats.ProportionTest;
import io.punchsim.reports.stats.TestResult;
import io.punchsim.reports.sweep.ScenarioIdentity;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A current report against a baseline, point by point (matched by parameter values). A rate change
 * counts only when a two-proportion test (Fisher's exact test for small counts) is significant after
 * Holm's correction over every rate comparison in the report; a percentile change counts by
 * {@link PercentileChangeRule}.
 *
 * @param sameScenario      false when name or axes differ: nothing is compared then
 * @param mismatch          why the scenarios differ, or null
 * @param changes           every metric compared, significant or not, in point then metric order
 * @param unmatchedPoints   points present in only one report (e.g. a partial sweep)
 */
public record Comparison(ScenarioIdentity baseline, ScenarioIdentity current, boolean sameScenario, String mismatch,
                         List<Change> changes, List<String> unmatchedPoints) {

    public static final double FAMILY_ALPHA = 0.05;

    /** The rate metrics tested; higher is better for direct and success, worse for relayed and failed. */
    public static final List<GateMetric> RATE_METRICS =
            List.of(GateMetric.DIRECT_RATE, GateMetric.RELAYED_RATE, GateMetric.FAILED_RATE, GateMetric.SUCCESS_RATE);

    /** Connect-time percentiles compared; the maximum is left out, as one run decides it. */
    public static final List<GateMetric> TIME_METRICS =
            List.of(GateMetric.CONNECT_TIME_P50, GateMetric.CONNECT_TIME_P90, GateMetric.CONNECT_TIME_P95, GateMetric.CONNECT_TIME_P99);

    public static final String METHOD_STATEMENT = "Rates: " + ProportionTest.Method.Z_TEST.description()
            + " when every expected cell is at least 5, otherwise " + ProportionTest.Method.FISHER_EXACT.description()
            + "; p-values adjusted with the " + HolmBonferroni.DESCRIPTION + " over all rate comparisons in the report. "
            + "Percentiles: " + PercentileChangeRule.DESCRIPTION + ".";

    public Comparison {
        changes = List.copyOf(changes);
        unmatchedPoints = List.copyOf(unmatchedPoints);
    }

    /** Compares {@code current} with {@code baseline}. */
    public static Comparison of(SweepReport baseline, SweepReport current) {
        ScenarioIdentity b = baseline.scenario();
        ScenarioIdentity c = current.scenario();
        if (!b.sameScenarioAs(c)) {
            String why = !b.name().equals(c.name()) ? "scenario names differ: '" + b.name() + "' vs '" + c.name() + "'"
                    : "sweep axes differ: " + b.axes() + " vs " + c.axes();
            return new Comparison(b, c, false, why, List.of(), List.of());
        }
        Map<Map<String, String>, SweepPoint> baselinePoints = new HashMap<>();
        baseline.points().forEach(p -> baselinePoints.put(p.parameters(), p));
        List<String> unmatched = new ArrayList<>();
        List<Change> rates = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        List<Change> times = new ArrayList<>();
        Map<Map<String, String>, Boolean> matched = new HashMap<>();
        for (SweepPoint cp : current.points()) {
            SweepPoint bp = baselinePoints.get(cp.parameters());
            if (bp == null) {
                unmatched.add(cp.label() + " (only in current)");
                continue;
            }
            matched.put(cp.parameters(), true);
            PointAggregate ba = bp.aggregate();
            PointAggregate ca = cp.aggregate();
            if (ba.runs() > 0 && ca.runs() > 0) {
                for (GateMetric m : RATE_METRICS) {
                    Proportion bpr = m.proportion(ba);
                    Proportion cpr = m.proportion(ca);
                    TestResult t = ProportionTest.test(bpr.successes(), bpr.trials(), cpr.successes(), cpr.trials());
                    rates.add(new Change(cp.parameters(), cp.label(), m, bpr.estimate(), cpr.estimate(), t.method().description(),
                            t.pValue(), Double.NaN, false, direction(m, bpr.estimate(), cpr.estimate())));
                    pValues.add(t.pValue());
                }
            }
            Histogram bh = ba.connectTimeFromK1();
            Histogram ch = ca.connectTimeFromK1();
            if (bh.getTotalCount() > 0 && ch.getTotalCount() > 0) {
                for (GateMetric m : TIME_METRICS) {
                    long bv = bh.getValueAtPercentile(m.percentile());
                    long cv = ch.getValueAtPercentile(m.percentile());
                    boolean significant = PercentileChangeRule.isChange(bh, ch, m.percentile());
                    times.add(new Change(cp.parameters(), cp.label(), m, bv / 1e9, cv / 1e9, "percentile rule",
                            Double.NaN, Double.NaN, significant, direction(m, bv, cv)));
                }
            }
        }
        for (SweepPoint bp : baseline.points()) {
            if (!matched.containsKey(bp.parameters())) {
                unmatched.add(bp.label() + " (only in baseline)");
            }
        }
        double[] adjusted = HolmBonferroni.adjust(pValues.stream().mapToDouble(Double::doubleValue).toArray());
        List<Change> all = new ArrayList<>();
        int timeIndex = 0;
        int rateIndex = 0;
        // Keep point order: each point's rate changes, then its time changes.
        for (SweepPoint cp : current.points()) {
            while (rateIndex < rates.size() && rates.get(rateIndex).parameters().equals(cp.parameters())) {
                Change r = rates.get(rateIndex);
                boolean significant = adjusted[rateIndex] <= FAMILY_ALPHA && r.direction() != Direction.UNCHANGED;
                all.add(new Change(r.parameters(), r.point(), r.metric(), r.baseline(), r.current(), r.method(), r.pValue(),
                        adjusted[rateIndex], significant, r.direction()));
                rateIndex++;
            }
            while (timeIndex < times.size() && times.get(timeIndex).parameters().equals(cp.parameters())) {
                all.add(times.get(timeIndex++));
            }
        }
        return new Comparison(b, c, true, null, all, unmatched);
    }

    private static Direction direction(GateMetric metric, double baseline, double current) {
        if (baseline == current) {
            return Direction.UNCHANGED;
        }
        boolean higherIsBetter = metric == GateMetric.DIRECT_RATE || metric == GateMetric.SUCCESS_RATE;
        return (current > baseline) == higherIsBetter ? Direction.BETTER : Direction.WORSE;
    }

    /** The changes that count, better and worse. */
    public List<Change> significantChanges() {
        return changes.stream().filter(Change::significant).toList();
    }

    public boolean hasRegression() {
        return changes.stream().anyMatch(Change::isRegression);
    }

    /** Whether the two reports ran different resolved scenario content (still comparable: same name and axes). */
    public boolean contentDiffers() {
        return !baseline.contentDigest().equals(current.contentDigest());
    }

    /** 2 when the reports describe different scenarios, 1 on a significant regression, 0 otherwise. */
    public int exitCode() {
        if (!sameScenario) {
            return 2;
        }
        return hasRegression() ? 1 : 0;
    }
}
