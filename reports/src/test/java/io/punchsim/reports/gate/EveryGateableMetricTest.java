package io.punchsim.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.reports.SyntheticRuns;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Better;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.metric.Unit;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every metric the registry marks gateable can be gated both ways, and a gate sees exactly what the metric reads. */
class EveryGateableMetricTest {

    private static final long SEED = 5;
    private static final PointAggregate POINT = SyntheticRuns.aggregate(SEED, 2_000, 0.6, 0.3);

    @Test
    void theRegistryHasGateableMetricsOfEveryKindOfReading() {
        assertThat(Metrics.gateable()).anyMatch(Metric::isRate).anyMatch(m -> !m.isRate());
    }

    @Test
    void eachGateableMetricPassesABoundItMeetsAndFailsOneItMisses() {
        for (Metric m : Metrics.gateable()) {
            double value = m.unit().toReported(m.measure(POINT).value());
            assertThat(value).as("%s at seed %d", m.key(), SEED).isFinite();
            double above = m.unit() == Unit.FRACTION ? Math.min(1, value + 0.05) : value * 1.5 + 1;
            double below = m.unit() == Unit.FRACTION ? Math.max(0, value - 0.05) : value / 2;
            GateVerdict meets = new Gate(m, GateOperator.AT_MOST, above, JudgedOn.ESTIMATE).judge(POINT);
            GateVerdict misses = new Gate(m, GateOperator.AT_MOST, below, JudgedOn.ESTIMATE).judge(POINT);
            assertThat(meets.passed()).as("%s at-most %s, measured %s, seed %d: %s", m.key(), above, value, SEED, meets.message()).isTrue();
            assertThat(misses.passed()).as("%s at-most %s, measured %s, seed %d: %s", m.key(), below, value, SEED, misses.message()).isFalse();
            assertThat(new Gate(m, GateOperator.AT_LEAST, below, JudgedOn.INTERVAL).judge(POINT).passed()).as(m.key()).isTrue();
            assertThat(meets.estimate()).as(m.key()).isEqualTo(value);
            assertThat(meets.message()).as(m.key()).startsWith(m.key() + " passed");
            assertThat(new Gate(m, GateOperator.AT_MOST, above, JudgedOn.ESTIMATE).describe()).startsWith(m.key() + " at-most ");
        }
    }

    @Test
    void aGateOnAValueWithNothingToMeasureFails() {
        PointAggregate empty = new PointAggregate();
        for (Metric m : Metrics.gateable()) {
            if (!m.isRate()) {
                GateVerdict v = new Gate(m, GateOperator.AT_MOST, 1e9, JudgedOn.ESTIMATE).judge(empty);
                assertThat(v.passed()).as(m.key()).isFalse();
                assertThat(v.message()).as(m.key()).contains("to measure");
            }
        }
    }

    @Test
    void aMetricThatIsNotGateableIsRefused() {
        Metric notGateable = new Metric("not-gateable", "x", "a test metric", Unit.COUNT, Better.NONE,
                Set.of(), Metrics.PACKETS_PER_RUN_MEAN.reading());
        assertThatThrownBy(() -> new Gate(notGateable, GateOperator.AT_MOST, 1, JudgedOn.ESTIMATE)).hasMessageContaining("cannot be gated");
        assertThatThrownBy(() -> new Gate(Metrics.DIRECT_RATE, GateOperator.AT_LEAST, 1.5, JudgedOn.ESTIMATE)).hasMessageContaining("out of range");
    }
}
