package io.punchsim.reports.precision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.reports.SyntheticRuns;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.outcome.RunOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stopping rule of a precision run, checked against the Wilson interval computed here by hand. */
class PrecisionTest {

    private static final long SEED = 5;

    // Wilson score interval, z = 1.96: Wilson (1927), as in Newcombe (1998), method 3.
    private static double wilsonHalfWidth(long x, long n) {
        double z = 1.959963984540054;
        double p = (double) x / n;
        double denominator = 1 + z * z / n;
        return z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
    }

    private static PointAggregate first(List<RunOutcome> runs, int n) {
        PointAggregate a = new PointAggregate();
        runs.subList(0, n).forEach(a::add);
        return a;
    }

    @Test
    void theHalfWidthIsHalfTheWilsonIntervalsWidth() {
        PointAggregate a = SyntheticRuns.aggregate(SEED, 3_000, 0.6, 0.3);
        long direct = a.count(io.punchsim.reports.outcome.Outcome.DIRECT);
        assertThat(Precision.halfWidth(Metrics.DIRECT_RATE, a)).as("seed %d", SEED)
                .isCloseTo(wilsonHalfWidth(direct, a.runs()), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aPointStopsAtTheFirstWholeBatchWhoseRatesAreAllPreciseEnough() {
        List<RunOutcome> runs = SyntheticRuns.draw(SEED, 40_000, 0.5, 0.45);
        Precision rule = new Precision(0.01, List.of(Metrics.DIRECT_RATE, Metrics.SUCCESS_RATE), 1_000, 1_000_000);
        // At p = 0.5 a half-width of 1% needs n >= (1.96 * 0.5 / 0.01)^2 = 9604: the tenth batch.
        long stopAt = 0;
        for (int n = 1_000; n <= 40_000; n += 1_000) {
            if (rule.stop(first(runs, n)).isPresent()) {
                stopAt = n;
                break;
            }
        }
        assertThat(stopAt).as("seed %d", SEED).isBetween(9_000L, 11_000L);
        PointAggregate atStop = first(runs, (int) stopAt);
        assertThat(rule.stop(atStop)).contains(PrecisionStop.Reason.PRECISE);
        assertThat(rule.halfWidths(atStop).values()).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(0.01));
        assertThat(rule.met(first(runs, (int) stopAt - 1_000))).isFalse();
        assertThat(rule.projectedSeeds(first(runs, 2_000))).as("a guess from 2 batches").isBetween(8_000L, 12_000L);
    }

    @Test
    void theCapStopsAPointThatIsNotYetPreciseAndCutsTheLastBatch() {
        Precision rule = new Precision(0.001, List.of(Metrics.DIRECT_RATE), 2_048, 5_000);
        assertThat(rule.batchEnd(4_096)).isEqualTo(5_000);
        assertThat(rule.batches(5_000)).isEqualTo(3);
        PointAggregate a = SyntheticRuns.aggregate(SEED, 5_000, 0.5, 0.4);
        assertThat(rule.stop(a)).contains(PrecisionStop.Reason.MAX_SEEDS);
        assertThat(rule.stop(SyntheticRuns.aggregate(SEED, 4_096, 0.5, 0.4))).isEmpty();
        assertThat(rule.met(new PointAggregate())).as("no runs are never precise").isFalse();
    }

    @Test
    void onlyRatesCanBeJudgedAndTheRuleIsChecked() {
        assertThatThrownBy(() -> new Precision(0.01, List.of(Metrics.RELAYED_BYTES_PER_RUN_MEAN), 10, 100))
                .hasMessageContaining("relayed-bytes-per-run-mean is not a rate");
        assertThatThrownBy(() -> new Precision(0, List.of(Metrics.DIRECT_RATE), 10, 100)).hasMessageContaining("(0, 0.5]");
        assertThatThrownBy(() -> new Precision(0.01, List.of(), 10, 100)).hasMessageContaining("at least one");
        assertThat(Precision.rateMetrics()).containsExactly(Metrics.DIRECT_RATE, Metrics.RELAYED_RATE, Metrics.FAILED_RATE,
                Metrics.SUCCESS_RATE, Metrics.SESSION_ALL_DIRECT_RATE, Metrics.SESSION_ANY_RELAYED_RATE,
                Metrics.SESSION_ANY_FAILED_RATE);
        assertThat(new Precision(0.005, List.of(Metrics.DIRECT_RATE, Metrics.SUCCESS_RATE), 2048, 1_000_000).describe())
                .isEqualTo("direct-rate and success-rate to a 95% half-width of 0.5%, in batches of 2048 seeds, at most 1000000 seeds a point");
    }
}
