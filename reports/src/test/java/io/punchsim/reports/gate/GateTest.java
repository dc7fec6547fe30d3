package io.punchsim.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.SyntheticRuns;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RttSummary;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.TrafficCounts;
import io.punchsim.reports.stats.Percentile;
import org.junit.jupiter.api.Test;

class GateTest {

    private static final Gate DIRECT_AT_LEAST_60_ON_INTERVAL =
            new Gate(Metrics.DIRECT_RATE, GateOperator.AT_LEAST, 0.60, JudgedOn.INTERVAL);

    /** 640 direct, 300 relayed, 60 failed: a known point for the closed-form Wilson bounds. */
    private static PointAggregate counts(int direct, int relayed, int failed) {
        PointAggregate a = new PointAggregate();
        long seed = 0;
        for (int i = 0; i < direct; i++) {
            a.add(RunOutcome.connected(seed++, Outcome.DIRECT, 100_000_000L, 200_000_000L, 0, "full-cone", "full-cone", TrafficCounts.NONE, 0, RttSummary.NONE));
        }
        for (int i = 0; i < relayed; i++) {
            a.add(RunOutcome.connected(seed++, Outcome.RELAYED, 3_600_000_000L, 3_700_000_000L, 7, "symmetric", "full-cone", TrafficCounts.NONE, 0, RttSummary.NONE));
        }
        for (int i = 0; i < failed; i++) {
            a.add(RunOutcome.failed(seed++, FailureReason.ATTEMPTS_EXHAUSTED, "symmetric", "symmetric", TrafficCounts.NONE, 0));
        }
        return a;
    }

    @Test
    void intervalGateIsStricterThanTheEstimate() {
        // 620/1000: estimate 0.62 >= 0.60, but the Wilson lower bound is
        // (0.62 + z²/2000 - z sqrt(0.62*0.38/1000 + z²/4e6)) / (1 + z²/1000) = 0.58951 < 0.60.
        PointAggregate point = counts(620, 300, 80);
        GateVerdict onEstimate = new Gate(Metrics.DIRECT_RATE, GateOperator.AT_LEAST, 0.60, JudgedOn.ESTIMATE).judge(point);
        GateVerdict onInterval = DIRECT_AT_LEAST_60_ON_INTERVAL.judge(point);
        assertThat(onEstimate.passed()).isTrue();
        assertThat(onInterval.passed()).isFalse();
        assertThat(onInterval.measured()).isCloseTo(0.58951, org.assertj.core.api.Assertions.within(0.00001));
        assertThat(onInterval.message()).contains("0.6").contains("620/1000").contains("FAILED");
    }

    @Test
    void aWorseDirectRateFailsTheGateThatTheBaselinePasses() {
        long goodSeed = 11;
        long badSeed = 12;
        PointAggregate good = SyntheticRuns.aggregate(goodSeed, 4_000, 0.70, 0.25);
        PointAggregate worse = SyntheticRuns.aggregate(badSeed, 4_000, 0.58, 0.37);
        assertThat(DIRECT_AT_LEAST_60_ON_INTERVAL.judge(good).passed()).as("seed %d", goodSeed).isTrue();
        assertThat(DIRECT_AT_LEAST_60_ON_INTERVAL.judge(worse).passed()).as("seed %d", badSeed).isFalse();
    }

    @Test
    void atMostOnAnIntervalUsesTheUpperBound() {
        // 0 failures in 1000: upper bound z²/(n+z²) = 0.003827, so "failed-rate at-most 0.005" passes, "at-most 0.003" fails.
        PointAggregate point = counts(700, 300, 0);
        assertThat(new Gate(Metrics.FAILED_RATE, GateOperator.AT_MOST, 0.005, JudgedOn.INTERVAL).judge(point).passed()).isTrue();
        GateVerdict strict = new Gate(Metrics.FAILED_RATE, GateOperator.AT_MOST, 0.003, JudgedOn.INTERVAL).judge(point);
        assertThat(strict.passed()).isFalse();
        assertThat(strict.measured()).isCloseTo(0.003827, org.assertj.core.api.Assertions.within(0.000001));
    }

    @Test
    void connectTimeGatesAreJudgedInSecondsOnTheEstimate() {
        // 700 runs at 0.1 s and 300 at 3.6 s: p50 = 0.1 s, p90 = 3.6 s (to 0.1%).
        PointAggregate point = counts(700, 300, 0);
        assertThat(new Gate(Metrics.connectTime(Percentile.P50), GateOperator.AT_MOST, 0.2, JudgedOn.INTERVAL).judge(point).passed()).isTrue();
        GateVerdict p90 = new Gate(Metrics.connectTime(Percentile.P90), GateOperator.AT_MOST, 3.0, JudgedOn.ESTIMATE).judge(point);
        assertThat(p90.passed()).isFalse();
        assertThat(p90.measured()).isBetween(3.6 * 0.999, 3.6 * 1.001);
    }

    @Test
    void aTimeGateWithNothingConnectedFails() {
        GateVerdict v = new Gate(Metrics.connectTime(Percentile.P95), GateOperator.AT_MOST, 4.0, JudgedOn.ESTIMATE).judge(counts(0, 0, 10));
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).contains("no connected runs");
    }

    @Test
    void metricAndOperatorNamesParse() {
        for (Metric m : Metrics.all()) {
            assertThat(Metrics.parse(m.key())).isEqualTo(m);
        }
        assertThat(GateOperator.parse("at-least")).isEqualTo(GateOperator.AT_LEAST);
        assertThat(JudgedOn.parse("interval")).isEqualTo(JudgedOn.INTERVAL);
    }
}
