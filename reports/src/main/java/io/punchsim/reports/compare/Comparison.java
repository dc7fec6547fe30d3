package io.punchsim.reports.compare;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Better;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.metric.Reading;
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
 * A current report against a baseline, point by point (matched by parameter values), over every
 * metric {@link Metrics#comparable()} names. A rate change counts only when a two-proportion test
 * (Fisher's exact test for small counts) is significant after Holm's correction over every rate
 * comparison in the report; a percentile change counts by {@link PercentileChangeRule}.
 *
 * @param sameScenario      false when name or axes differ: nothing is compared then
 * @param mismatch          why the scenarios differ, or null
 * @param changes           every metric compared, significant or not, in point then metric order
 * @param unmatchedPoints   points present in only one report (e.g. a partial sweep)
 * @param partialReports    which report was interrupted and how far it got, e.g. {@code current:
 *                          interrupted: 5 of 27 points (…)}; empty when both are whole
 * @param partialAllowed    whether a partial report may be judged on the points it holds; when not,
 *                          a partial report is not judged at all and the exit code is 2
 */
public record Comparison(ScenarioIdentity baseline, ScenarioIdentity current, boolean sameScenario, String mismatch,
                         List<Change> changes, List<String> unmatchedPoints, List<String> partialReports, boolean partialAllowed) {

    public static final double FAMILY_ALPHA = 0.05;

    public static final String METHOD_STATEMENT = "Rates: " + ProportionTest.Method.Z_TEST.description()
            + " when every expected cell is at least 5, otherwise " + ProportionTest.Method.FISHER_EXACT.description()
            + "; p-values adjusted with the " + HolmBonferroni.DESCRIPTION + " over all rate comparisons in the report. "
            + "Percentiles: " + PercentileChangeRule.DESCRIPTION + ".";

    public Comparison {
        changes = List.copyOf(changes);
        unmatchedPoints = List.copyOf(unmatchedPoints);
        partialReports = List.copyOf(partialReports);
    }

    /** Compares {@code current} with {@code baseline}; a partial report is not judged (exit code 2). */
    public static Comparison of(SweepReport baseline, SweepReport current) {
        return of(baseline, current, false);
    }

    /**
     * Compares {@code current} with {@code baseline}; with {@code allowPartial}, a partial report is
     * judged on the points both reports hold (the others are listed as unmatched).
     */
    public static Comparison of(SweepReport baseline, SweepReport current, boolean allowPartial) {
        ScenarioIdentity b = baseline.scenario();
        ScenarioIdentity c = current.scenario();
        List<String> partial = new ArrayList<>();
        if (baseline.partial()) {
            partial.add("baseline: " + baseline.interruption());
        }
        if (current.partial()) {
            partial.add("current: " + current.interruption());
        }
        if (!b.sameScenarioAs(c)) {
            String why = !b.name().equals(c.name()) ? "scenario names differ: '" + b.name() + "' vs '" + c.name() + "'"
                    : "sweep axes differ: " + b.axes() + " vs " + c.axes();
            return new Comparison(b, c, false, why, List.of(), List.of(), partial, allowPartial);
        }
        Map<Map<String, String>, SweepPoint> baselinePoints = new HashMap<>();
        baseline.points().forEach(p -> baselinePoints.put(p.parameters(), p));
        List<String> unmatched = new ArrayList<>();
        // Rate changes wait for the Holm adjustment over the whole report; rateTests[i] is the index in `changes`.
        List<Change> changes = new ArrayList<>();
        List<Integer> rateTests = new ArrayList<>();
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
            for (Metric m : Metrics.comparable()) {
                if (m.reading() instanceof Reading.Rate rate) {
                    // A rate over nothing (sessions in a report from before them) has nothing to test.
                    Proportion bs = rate.share().apply(ba);
                    Proportion cs = rate.share().apply(ca);
                    if (bs.trials() > 0 && cs.trials() > 0) {
                        rateTests.add(changes.size());
                        changes.add(rateChange(cp, m, bs, cs));
                    }
                } else if (m.reading() instanceof Reading.Quantile quantile) {
                    Histogram bh = quantile.distribution().apply(ba);
                    Histogram ch = quantile.distribution().apply(ca);
                    if (bh.getTotalCount() > 0 && ch.getTotalCount() > 0) {
                        changes.add(percentileChange(cp, m, quantile, bh, ch));
                    }
                }
            }
        }
        for (SweepPoint bp : baseline.points()) {
            if (!matched.containsKey(bp.parameters())) {
                unmatched.add(bp.label() + " (only in baseline)");
            }
        }
        double[] adjusted = HolmBonferroni.adjust(rateTests.stream().mapToDouble(i -> changes.get(i).pValue()).toArray());
        for (int t = 0; t < adjusted.length; t++) {
            Change r = changes.get(rateTests.get(t));
            boolean significant = adjusted[t] <= FAMILY_ALPHA && r.direction() != Direction.UNCHANGED;
            changes.set(rateTests.get(t), new Change(r.parameters(), r.point(), r.metric(), r.baseline(), r.current(), r.method(),
                    r.pValue(), adjusted[t], significant, r.direction()));
        }
        return new Comparison(b, c, true, null, changes, unmatched, partial, allowPartial);
    }

    private static Change rateChange(SweepPoint point, Metric m, Proportion baseline, Proportion current) {
        TestResult t = ProportionTest.test(baseline.successes(), baseline.trials(), current.successes(), current.trials());
        return new Change(point.parameters(), point.label(), m, baseline.estimate(), current.estimate(), t.method().description(),
                t.pValue(), Double.NaN, false, direction(m, baseline.estimate(), current.estimate()));
    }

    private static Change percentileChange(SweepPoint point, Metric m, Reading.Quantile quantile, Histogram baseline, Histogram current) {
        long bv = quantile.percentile().of(baseline);
        long cv = quantile.percentile().of(current);
        boolean significant = PercentileChangeRule.isChange(baseline, current, quantile.percentile().percentile());
        return new Change(point.parameters(), point.label(), m, m.unit().toReported(bv), m.unit().toReported(cv), "percentile rule",
                Double.NaN, Double.NaN, significant, direction(m, bv, cv));
    }

    private static Direction direction(Metric metric, double baseline, double current) {
        if (baseline == current) {
            return Direction.UNCHANGED;
        }
        return (current > baseline) == (metric.better() == Better.HIGHER) ? Direction.BETTER : Direction.WORSE;
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

    /** Whether either report was interrupted. */
    public boolean partial() {
        return !partialReports.isEmpty();
    }

    /** Whether the changes decide the outcome: the same scenario, and whole reports unless partial ones are allowed. */
    public boolean judged() {
        return sameScenario && (!partial() || partialAllowed);
    }

    /**
     * 2 when the reports describe different scenarios or one is partial (unless allowed), 1 on a
     * significant regression, 0 otherwise.
     */
    public int exitCode() {
        if (!judged()) {
            return 2;
        }
        return hasRegression() ? 1 : 0;
    }

    /** Why the changes were not judged, or null when they were. */
    public String notJudgedBecause() {
        if (!sameScenario) {
            return "not the same scenario: " + mismatch;
        }
        if (!judged()) {
            return "a partial report (" + String.join("; ", partialReports) + "); rerun the sweep to the end, or pass"
                    + " --allow-partial to compare the points both reports hold";
        }
        return null;
    }
}
