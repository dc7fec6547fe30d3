package io.punchsim.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.SyntheticRuns;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.format.ComparisonReport;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.gate.GateOperator;
import io.punchsim.reports.gate.JudgedOn;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.stats.Percentile;
import io.punchsim.reports.sweep.ScenarioIdentity;
import io.punchsim.reports.sweep.SweepAxis;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final ScenarioIdentity SCENARIO =
            new ScenarioIdentity("fusion-default", "sha256:abc", List.of(new SweepAxis("attempt-interval", List.of("250ms", "500ms"))));
    private static final List<Gate> GATES = List.of(new Gate(Metrics.DIRECT_RATE, GateOperator.AT_LEAST, 0.60, JudgedOn.INTERVAL));
    private static final WallClock CLOCK = new WallClock(1.0, 1000, 1, 1, "jvm", "os");

    static SweepReport report(long seed, double directAt500) {
        Map<Map<String, String>, PointAggregate> points = new LinkedHashMap<>();
        points.put(Map.of("attempt-interval", "250ms"), SyntheticRuns.aggregate(seed, 3_000, 0.70, 0.25));
        points.put(Map.of("attempt-interval", "500ms"), SyntheticRuns.aggregate(seed + 1, 3_000, directAt500, 0.95 - directAt500));
        return SweepReport.judge(SCENARIO, GATES, points, false, CLOCK);
    }

    @Test
    void sameDistributionWithDifferentSeedsIsNotAChange() {
        for (long seed : new long[] {100, 200, 300}) {
            Comparison c = Comparison.of(report(seed, 0.70), report(seed + 7_919, 0.70));
            assertThat(c.significantChanges()).as("baseline seed %d, current seed %d", seed, seed + 7_919).isEmpty();
            assertThat(c.exitCode()).as("seed %d", seed).isZero();
            // Sessions of one client: their rates and times are the runs', so they are not tested again.
            long perRun = Metrics.comparable().stream().filter(m -> !Metrics.ofSessions(m)).count();
            assertThat(c.changes()).as("every comparable metric over runs at both points").hasSize((int) (2 * perRun));
        }
    }

    @Test
    void aWorseDirectRateIsFlaggedAsARegression() {
        long seed = 400;
        SweepReport baseline = report(seed, 0.70);
        SweepReport current = report(seed + 1_000, 0.58);
        assertThat(current.passed()).as("the gate on the interval bound fails, seed %d", seed + 1_000).isFalse();
        Comparison c = Comparison.of(baseline, current);
        assertThat(c.hasRegression()).as("seed %d", seed).isTrue();
        assertThat(c.exitCode()).isEqualTo(1);
        assertThat(c.significantChanges()).anySatisfy(ch -> {
            assertThat(ch.metric()).isEqualTo(Metrics.DIRECT_RATE);
            assertThat(ch.point()).isEqualTo("attempt-interval=500ms");
            assertThat(ch.direction()).isEqualTo(Direction.WORSE);
            assertThat(ch.adjustedP()).isLessThanOrEqualTo(0.05);
        });
        assertThat(c.significantChanges()).noneMatch(ch -> ch.point().equals("attempt-interval=250ms") && ch.metric().isRate());
    }

    @Test
    void theReverseChangeIsAnImprovementNotARegression() {
        Comparison c = Comparison.of(report(500, 0.58), report(1_500, 0.70));
        assertThat(c.significantChanges()).anySatisfy(ch -> {
            assertThat(ch.metric()).isEqualTo(Metrics.DIRECT_RATE);
            assertThat(ch.direction()).isEqualTo(Direction.BETTER);
        });
        // Relayed share drops too: fewer relays is better, so nothing here is a regression of rates.
        assertThat(c.changes().stream().filter(ch -> ch.metric().isRate()).anyMatch(Change::isRegression)).isFalse();
    }

    @Test
    void compareWorksFromTheJsonFilesAlone() {
        long seed = 600;
        SweepReport baseline = io.punchsim.reports.format.ReportJson.read(io.punchsim.reports.format.ReportJson.write(report(seed, 0.70)));
        SweepReport current = io.punchsim.reports.format.ReportJson.read(io.punchsim.reports.format.ReportJson.write(report(seed + 1, 0.58)));
        Comparison fromJson = Comparison.of(baseline, current);
        Comparison inMemory = Comparison.of(report(seed, 0.70), report(seed + 1, 0.58));
        assertThat(fromJson.changes()).as("seed %d", seed).isEqualTo(inMemory.changes());
        assertThat(fromJson.exitCode()).isEqualTo(1);
    }

    @Test
    void aPartialReportIsNotJudgedUnlessAllowed() {
        SweepReport full = report(700, 0.70);
        SweepReport partial = new SweepReport(SCENARIO, GATES, full.points().subList(0, 1), true, CLOCK);
        for (boolean partialIsCurrent : new boolean[] {true, false}) {
            Comparison c = partialIsCurrent ? Comparison.of(full, partial) : Comparison.of(partial, full);
            assertThat(c.judged()).isFalse();
            assertThat(c.exitCode()).as("partial %s", partialIsCurrent ? "current" : "baseline").isEqualTo(2);
            assertThat(c.partialReports()).containsExactly((partialIsCurrent ? "current" : "baseline")
                    + ": interrupted: 1 of 2 points (3,000 of 6,000 runs)");
            assertThat(c.notJudgedBecause()).contains("partial report", "--allow-partial");
            assertThat(ComparisonReport.markdown(c)).contains("**Not judged:**").doesNotContain("No significant regression");
            assertThat(ComparisonReport.junit(c)).contains("<failure type=\"partial\"");
        }
    }

    @Test
    void pointsMissingFromAnAllowedPartialReportAreListedNotCompared() {
        SweepReport full = report(700, 0.70);
        SweepReport partial = new SweepReport(SCENARIO, GATES, full.points().subList(0, 1), true, CLOCK);
        Comparison c = Comparison.of(full, partial, true);
        assertThat(c.judged()).isTrue();
        assertThat(c.unmatchedPoints()).containsExactly("attempt-interval=500ms (only in baseline)");
        assertThat(c.changes()).allMatch(ch -> ch.point().equals("attempt-interval=250ms"));
        assertThat(c.exitCode()).isZero();
        assertThat(ComparisonReport.markdown(c)).contains("**Partial report** (current: interrupted: 1 of 2 points");
    }

    @Test
    void differentScenariosAreNotCompared() {
        SweepReport other = new SweepReport(new ScenarioIdentity("other", "sha256:abc", SCENARIO.axes()), GATES, List.of(), false, CLOCK);
        Comparison c = Comparison.of(report(1, 0.7), other);
        assertThat(c.sameScenario()).isFalse();
        assertThat(c.exitCode()).isEqualTo(2);
        ScenarioIdentity otherAxes = new ScenarioIdentity("fusion-default", "sha256:abc", List.of(new SweepAxis("attempt-limit", List.of("10"))));
        assertThat(Comparison.of(report(1, 0.7), new SweepReport(otherAxes, GATES, List.of(), false, CLOCK)).exitCode()).isEqualTo(2);
    }

    @Test
    void aPercentileShiftBeyondTheStatedBoundCounts() {
        Map<Map<String, String>, PointAggregate> slow = new LinkedHashMap<>();
        // All direct, but everything succeeds three attempts later: p50 moves by far more than 10%.
        PointAggregate late = new PointAggregate();
        SyntheticRuns.draw(9, 3_000, 0.70, 0.25).forEach(r -> late.add(r.connectNanosFromK1() < 0 ? r
                : new io.punchsim.reports.outcome.RunOutcome(r.seed(), r.outcome(), r.failureReason(), r.connectNanosFromK1() + 1_500_000_000L,
                r.connectNanosFromStart() + 1_500_000_000L, r.attemptIndex() + 3, r.hostNat(), r.clientNat(), r.traffic(), r.relayedBytes(), r.rtt())));
        slow.put(Map.of("attempt-interval", "250ms"), late);
        slow.put(Map.of("attempt-interval", "500ms"), SyntheticRuns.aggregate(10, 3_000, 0.70, 0.25));
        Comparison c = Comparison.of(report(8, 0.70), SweepReport.judge(SCENARIO, GATES, slow, false, CLOCK));
        assertThat(c.significantChanges()).anySatisfy(ch -> {
            assertThat(ch.metric()).isEqualTo(Metrics.connectTime(Percentile.P50));
            assertThat(ch.direction()).isEqualTo(Direction.WORSE);
        });
        assertThat(c.exitCode()).isEqualTo(1);
    }
}
