package io.punchsim.reports.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.aggregate.AggregateJson;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.GamePath;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RttSummary;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.TrafficCounts;
import org.junit.jupiter.api.Test;

/** relay-first's metrics read what the upgraded runs say, and nothing from the others. */
class UpgradeMetricsTest {

    private static final long MS = 1_000_000L;

    private static RunOutcome direct(long seed, long fromK1, long rttMs) {
        return RunOutcome.connected(seed, Outcome.DIRECT, fromK1, fromK1 + 100 * MS, 0, "full-cone", "full-cone",
                new TrafficCounts.Tally().toCounts(), 0, new RttSummary(GamePath.DIRECT, 10, 10 * rttMs * MS, rttMs * MS));
    }

    private static PointAggregate aggregate() {
        PointAggregate a = new PointAggregate();
        // Two upgraded runs (relayed at 40 ms, direct at 100 and 300 ms), one plain direct, one relayed.
        a.add(direct(1, 40 * MS, 100).withUpgrade(100 * MS, new RttSummary(GamePath.RELAYED, 2, 80 * MS, 40 * MS)));
        a.add(direct(2, 40 * MS, 120).withUpgrade(300 * MS, new RttSummary(GamePath.RELAYED, 6, 6 * 60 * MS, 60 * MS)));
        a.add(direct(3, 20 * MS, 20));
        a.add(RunOutcome.connected(4, Outcome.RELAYED, 3_540 * MS, 3_600 * MS, 7, "symmetric", "symmetric",
                new TrafficCounts.Tally().toCounts(), 100, RttSummary.NONE));
        return a;
    }

    @Test
    void upgradedRunsGiveTheRateTheTimesToDirectAndTheRoundTripsBeforeAndAfter() {
        PointAggregate a = aggregate();
        assertThat(a.upgradedRate().successes()).isEqualTo(2);
        assertThat(a.upgradedRate().trials()).isEqualTo(4);
        assertThat(((Measurement.Share) Metrics.UPGRADED_RATE.measure(a)).proportion().estimate()).isEqualTo(0.5);
        // The 50th percentile of {100, 300} ms is the lower one; the 95th the upper (within 0.1%).
        assertThat(((Measurement.Amount) Metrics.TIME_TO_DIRECT_P50.measure(a)).value()).isCloseTo(100 * MS, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(((Measurement.Amount) Metrics.TIME_TO_DIRECT_P95.measure(a)).value()).isCloseTo(300 * MS, org.assertj.core.data.Percentage.withPercentage(0.1));
        // Before: 8 round trips summing 80 + 360 ms; after: 20 summing 1000 + 1200 ms.
        assertThat(((Measurement.Amount) Metrics.RTT_BEFORE_UPGRADE_MEAN.measure(a)).value()).isEqualTo(440.0 * MS / 8);
        assertThat(((Measurement.Amount) Metrics.RTT_AFTER_UPGRADE_MEAN.measure(a)).value()).isEqualTo(2_200.0 * MS / 20);
    }

    @Test
    void withoutUpgradesTheTimesAreAbsentAndTheRateIsZero() {
        PointAggregate a = new PointAggregate();
        a.add(direct(3, 20 * MS, 20));
        assertThat(a.upgradedRate().successes()).isZero();
        assertThat(Metrics.TIME_TO_DIRECT_P50.measure(a).present()).isFalse();
        assertThat(Metrics.RTT_BEFORE_UPGRADE_MEAN.measure(a).present()).isFalse();
    }

    @Test
    void theUpgradesSurviveReportJson() {
        PointAggregate a = aggregate();
        assertThat(AggregateJson.read(AggregateJson.write(a))).isEqualTo(a);
        PointAggregate without = aggregate();
        without.add(direct(5, 20 * MS, 20));
        assertThat(AggregateJson.read(AggregateJson.write(without))).isNotEqualTo(a);
    }
}
