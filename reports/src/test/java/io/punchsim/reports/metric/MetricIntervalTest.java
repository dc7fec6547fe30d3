package io.punchsim.reports.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.punchsim.reports.SyntheticRuns;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.stats.Percentile;
import io.punchsim.reports.stats.PercentileChangeRule;
import io.punchsim.reports.stats.Proportion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric has a 95% interval, each of the kind its reading calls for, computed here from the runs themselves. */
class MetricIntervalTest {

    private static final long SEED = 11;
    private static final List<RunOutcome> RUNS = SyntheticRuns.draw(SEED, 4_000, 0.55, 0.35);
    private static final PointAggregate POINT = aggregate(RUNS);

    private static PointAggregate aggregate(List<RunOutcome> runs) {
        PointAggregate a = new PointAggregate();
        runs.forEach(r -> a.add(io.punchsim.reports.SyntheticRuns.session(r)));
        return a;
    }

    @Test
    void everyMetricHasAnIntervalAroundItsValue() {
        for (Metric m : Metrics.all()) {
            Interval i = m.interval(POINT);
            assertThat(i.present()).as(m.key()).isTrue();
            assertThat(i.estimate()).as("%s, seed %d", m.key(), SEED).isEqualTo(m.measure(POINT).value());
            assertThat(i.lower()).as(m.key()).isLessThanOrEqualTo(i.estimate());
            assertThat(i.upper()).as(m.key()).isGreaterThanOrEqualTo(i.estimate());
        }
    }

    @Test
    void ratesHaveTheirWilsonInterval() {
        Proportion p = POINT.successRate();
        assertThat(Metrics.SUCCESS_RATE.interval(POINT)).isEqualTo(new Interval(p.estimate(), p.lower(), p.upper(), Interval.Kind.WILSON));
    }

    @Test
    void percentilesHaveTheOrderStatisticsIntervalAndTheMaximumNone() {
        long[] expected = PercentileChangeRule.interval(POINT.connectTimeFromK1(), 95);
        Interval p95 = Metrics.connectTime(Percentile.P95).interval(POINT);
        assertThat(p95.kind()).isEqualTo(Interval.Kind.ORDER_STATISTICS);
        assertThat(new double[] {p95.lower(), p95.upper()}).containsExactly(expected[0], expected[1]);
        assertThat(Metrics.connectTime(Percentile.MAX).interval(POINT).kind()).isEqualTo(Interval.Kind.NONE);
    }

    @Test
    void aMeanHasTheNormalIntervalOfItsPerRunValues() {
        double[] relayed = RUNS.stream().mapToDouble(RunOutcome::relayedBytes).toArray();
        double mean = java.util.Arrays.stream(relayed).average().orElseThrow();
        double variance = java.util.Arrays.stream(relayed).map(v -> (v - mean) * (v - mean)).sum() / relayed.length;
        double half = 1.959963984540054 * Math.sqrt(variance / relayed.length);
        Interval i = Metrics.RELAYED_BYTES_PER_RUN_MEAN.interval(POINT);
        assertThat(i.kind()).isEqualTo(Interval.Kind.NORMAL);
        assertThat(i.estimate()).isCloseTo(mean, offset(1e-9));
        // Per-run values below 2048 are exact in the histogram, so its spread is the runs' own.
        assertThat(i.upper() - i.estimate()).as("seed %d", SEED).isCloseTo(half, offset(half * 1e-6));
    }

    @Test
    void nothingToMeasureIsAbsent() {
        PointAggregate none = aggregate(SyntheticRuns.draw(SEED, 50, 0, 0));
        assertThat(Metrics.connectTime(Percentile.P95).interval(none).present()).isFalse();
        assertThat(Metrics.RELAYED_BYTES_PER_RUN_MEAN.interval(new PointAggregate()).present()).isFalse();
    }
}
