package io.punchsim.reports.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.stats.Percentile;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void thereIsAConnectTimeMetricForEveryPercentileOfTheOneSet() {
        for (Percentile p : Percentile.values()) {
            Metric m = Metrics.connectTime(p);
            assertThat(m.key()).isEqualTo("connect-time-" + p.label());
            assertThat(((Reading.Quantile) m.reading()).percentile()).isEqualTo(p);
            assertThat(m.comparable()).as("one run decides the maximum").isEqualTo(p != Percentile.MAX);
        }
    }

    @Test
    void theKeysScenarioFilesAlreadyUseStillParse() {
        for (String key : new String[] {"direct-rate", "relayed-rate", "failed-rate", "success-rate", "connect-time-p50",
                "connect-time-p90", "connect-time-p95", "connect-time-p99", "connect-time-max"}) {
            assertThat(Metrics.parse(key).gateable()).as(key).isTrue();
        }
        assertThatThrownBy(() -> Metrics.parse("direct")).hasMessageContaining("unknown metric 'direct'; known: direct-rate, ");
    }

    @Test
    void aDeclarationThatCannotWorkIsRefused() {
        Reading rate = new Reading.Rate(PointAggregate::successRate);
        Reading max = new Reading.Quantile(PointAggregate::connectTimeFromK1, Percentile.MAX, "connected runs");
        Reading mean = new Reading.Mean(PointAggregate::relayedBytes, PointAggregate::runs, "runs");
        assertThatThrownBy(() -> new Metric("a-rate", "a", "x", Unit.COUNT, Better.HIGHER, Set.of(), rate))
                .hasMessageContaining("a rate is a fraction");
        assertThatThrownBy(() -> new Metric("a-rate", "a", "x", Unit.FRACTION, Better.NONE, Set.of(Metric.Use.COMPARE), rate))
                .hasMessageContaining("higher or lower must be better");
        assertThatThrownBy(() -> new Metric("a-max", "a", "x", Unit.NANOSECONDS, Better.LOWER, Set.of(Metric.Use.COMPARE), max))
                .hasMessageContaining("only rates and percentiles below the maximum");
        assertThatThrownBy(() -> new Metric("a-mean", "a", "x", Unit.BYTES, Better.LOWER, Set.of(Metric.Use.COMPARE), mean))
                .hasMessageContaining("only rates and percentiles below the maximum");
        assertThatThrownBy(() -> new Metric("Not_Kebab", "a", "x", Unit.BYTES, Better.LOWER, Set.of(), mean))
                .hasMessageContaining("lower-case words");
    }

    @Test
    void aMeanIsExactAndAbsentWithoutRuns() {
        Measurement none = Metrics.RELAYED_BYTES_PER_RUN_MEAN.measure(new PointAggregate());
        assertThat(none.present()).isFalse();
        assertThat(none.value()).isNaN();
        assertThat(Metrics.connectTime(Percentile.P50).measure(new PointAggregate()).present()).isFalse();
        assertThat(Metrics.DIRECT_RATE.measure(new PointAggregate()).present()).as("a rate with no runs is 0 in [0, 1]").isTrue();
    }

    @Test
    void aMetricPrintsAsItsKey() {
        // Scenario content digests print gates, hence their metrics: no lambda identity may show.
        assertThat(Metrics.all()).allSatisfy(m -> assertThat(m.toString()).isEqualTo(m.key()));
    }
}
