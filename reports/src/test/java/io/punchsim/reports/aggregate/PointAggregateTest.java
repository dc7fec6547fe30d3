package io.punchsim.reports.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.reports.SyntheticRuns;
import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.GamePath;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RttSummary;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.TrafficCounts;
import io.punchsim.reports.outcome.TrafficKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PointAggregateTest {

    private static final long SEED = 0x5EED_0001L;

    @Test
    void mergingHalvesEqualsAddingEverything() {
        List<RunOutcome> runs = SyntheticRuns.draw(SEED, 5_000, 0.6, 0.3);
        PointAggregate all = new PointAggregate();
        runs.forEach(all::add);
        PointAggregate first = new PointAggregate();
        PointAggregate second = new PointAggregate();
        runs.subList(0, 1_700).forEach(first::add);
        runs.subList(1_700, runs.size()).forEach(second::add);
        first.merge(second);
        assertThat(first).as("seed %d", SEED).isEqualTo(all);
        assertThat(first.runs()).isEqualTo(5_000);
        assertThat(first.digest()).isEqualTo(all.digest());
    }

    @Test
    void digestDoesNotDependOnOrderOrPartitioning() {
        List<RunOutcome> runs = new ArrayList<>(SyntheticRuns.draw(SEED, 3_000, 0.5, 0.4));
        PointAggregate inOrder = new PointAggregate();
        runs.forEach(inOrder::add);
        Random shuffler = new Random(SEED);
        for (int trial = 0; trial < 5; trial++) {
            Collections.shuffle(runs, shuffler);
            int parts = 1 + shuffler.nextInt(8);
            List<PointAggregate> partials = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                partials.add(new PointAggregate());
            }
            for (RunOutcome r : runs) {
                partials.get(shuffler.nextInt(parts)).add(r);
            }
            Collections.shuffle(partials, shuffler);
            PointAggregate merged = new PointAggregate();
            partials.forEach(merged::merge);
            assertThat(merged.digest()).as("seed %d trial %d, %d parts", SEED, trial, parts).isEqualTo(inOrder.digest());
            assertThat(merged).as("seed %d trial %d", SEED, trial).isEqualTo(inOrder);
        }
    }

    @Test
    void digestTellsApartRunsThatDifferOnlyInSeed() {
        RunOutcome a = RunOutcome.failed(1, FailureReason.ATTEMPTS_EXHAUSTED, "symmetric", "symmetric", TrafficCounts.NONE, 0);
        RunOutcome b = RunOutcome.failed(2, FailureReason.ATTEMPTS_EXHAUSTED, "symmetric", "symmetric", TrafficCounts.NONE, 0);
        PointAggregate x = new PointAggregate();
        x.add(a);
        PointAggregate y = new PointAggregate();
        y.add(b);
        assertThat(x.digest()).isNotEqualTo(y.digest());
        // Adding the same run twice must not cancel out (the XOR half would, the sum half does not).
        PointAggregate twice = new PointAggregate();
        twice.add(a);
        twice.add(a);
        assertThat(twice.digest()).isNotEqualTo(OutcomeDigest.EMPTY);
    }

    @Test
    void countsRatesPercentilesAndPairsFromKnownRuns() {
        PointAggregate a = new PointAggregate();
        // 100 direct runs connecting at 1..100 ms from K1, first attempt; 50 relayed at attempt 8; 50 failed.
        for (int i = 1; i <= 100; i++) {
            a.add(RunOutcome.connected(i, Outcome.DIRECT, i * 1_000_000L, i * 1_000_000L + 5, 0, "full-cone", "symmetric",
                    TrafficCounts.NONE, 0, new RttSummary(GamePath.DIRECT, 10, 10 * 30_000_000L, 31_000_000L)));
        }
        for (int i = 0; i < 50; i++) {
            TrafficCounts t = new TrafficCounts.Tally().count(TrafficKind.RELAY, 100).count(TrafficKind.RELAY, 100).toCounts();
            a.add(RunOutcome.connected(1000 + i, Outcome.RELAYED, 4_000_000_000L, 4_100_000_000L, 8, "symmetric", "symmetric",
                    t, 200, RttSummary.NONE));
        }
        for (int i = 0; i < 50; i++) {
            a.add(RunOutcome.failed(2000 + i, FailureReason.CLOUD_UNREACHABLE, "symmetric", "udp-blocked", TrafficCounts.NONE, 0));
        }
        assertThat(a.runs()).isEqualTo(200);
        assertThat(a.rate(Outcome.DIRECT).estimate()).isEqualTo(0.5);
        assertThat(a.successRate().successes()).isEqualTo(150);
        assertThat(a.failures(FailureReason.CLOUD_UNREACHABLE)).isEqualTo(50);
        Histogram direct = a.connectTimeFromK1(Outcome.DIRECT);
        // The nearest-rank p50 of 1..100 ms is 50 ms, p95 is 95 ms; time histograms resolve 100 us.
        assertThat((double) direct.getValueAtPercentile(50)).isBetween(50e6, 50e6 + 100e3);
        assertThat((double) direct.getValueAtPercentile(95)).isBetween(95e6, 95e6 + 100e3);
        assertThat(a.attemptIndexCounts()).containsExactly(100, 0, 0, 0, 0, 0, 0, 0, 50);
        assertThat(a.packetsSent(TrafficKind.RELAY)).isEqualTo(100);
        assertThat(a.relayedBytes()).isEqualTo(50 * 200);
        assertThat(a.rtt(GamePath.DIRECT).samples()).isEqualTo(1000);
        assertThat(a.rtt(GamePath.DIRECT).meanNanos()).isEqualTo(30_000_000.0);
        assertThat(a.rtt(GamePath.DIRECT).maxNanos()).isEqualTo(31_000_000L);
        assertThat(a.natPairs()).containsEntry(new NatPair("full-cone", "symmetric"), new OutcomeCounts(100, 0, 0))
                .containsEntry(new NatPair("symmetric", "symmetric"), new OutcomeCounts(0, 50, 0))
                .containsEntry(new NatPair("symmetric", "udp-blocked"), new OutcomeCounts(0, 0, 50));
    }

    @Test
    void rejectsRunsWhoseFieldsContradictEachOther() {
        assertThatThrownBy(() -> new RunOutcome(7, Outcome.FAILED, FailureReason.NONE, -1, -1, -1, "a", "b", TrafficCounts.NONE, 0, RttSummary.NONE))
                .hasMessageContaining("seed 7");
        assertThatThrownBy(() -> RunOutcome.connected(8, Outcome.DIRECT, 5, 4, 0, "a", "b", TrafficCounts.NONE, 0, RttSummary.NONE))
                .hasMessageContaining("seed 8");
    }

    @Test
    void histogramsSurviveTheirTextEncoding() {
        PointAggregate a = SyntheticRuns.aggregate(SEED, 2_000, 0.6, 0.3);
        Histogram h = a.connectTimeFromK1();
        Histogram back = HistogramCodec.decode(HistogramCodec.encode(h));
        assertThat(back.getTotalCount()).isEqualTo(h.getTotalCount());
        assertThat(back.getValueAtPercentile(95)).isEqualTo(h.getValueAtPercentile(95));
        assertThat(HistogramCodec.encode(back)).isEqualTo(HistogramCodec.encode(h));
    }

    @Test
    void exampleSeedsAreTheSmallestOfEachKindWhateverTheSplit() {
        List<RunOutcome> runs = new ArrayList<>(SyntheticRuns.draw(SEED, 4_000, 0.5, 0.3));
        Random shuffler = new Random(SEED);
        for (int trial = 0; trial < 5; trial++) {
            Collections.shuffle(runs, shuffler);
            int parts = 1 + shuffler.nextInt(8);
            List<PointAggregate> partials = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                partials.add(new PointAggregate());
            }
            runs.forEach(r -> partials.get(shuffler.nextInt(parts)).add(r));
            PointAggregate merged = new PointAggregate();
            partials.forEach(merged::merge);
            // The oracle: sort the seeds of each kind of run and take the first few.
            for (Outcome o : Outcome.values()) {
                assertThat(merged.exampleSeeds(o)).as("%s, seed %d trial %d, %d parts", o, SEED, trial, parts)
                        .containsExactly(smallest(runs.stream().filter(r -> r.outcome() == o).mapToLong(RunOutcome::seed)));
            }
            for (FailureReason reason : FailureReason.values()) {
                assertThat(merged.exampleSeeds(reason)).as("%s, seed %d trial %d", reason, SEED, trial)
                        .containsExactly(smallest(runs.stream().filter(r -> r.failureReason() == reason).mapToLong(RunOutcome::seed)));
            }
            for (NatPair pair : merged.natPairs().keySet()) {
                for (Outcome o : Outcome.values()) {
                    assertThat(merged.exampleSeeds(pair, o)).as("%s %s, seed %d trial %d", pair, o, SEED, trial)
                            .containsExactly(smallest(runs.stream().filter(r -> r.outcome() == o && r.hostNat().equals(pair.hostNat())
                                    && r.clientNat().equals(pair.clientNat())).mapToLong(RunOutcome::seed)));
                }
            }
        }
        assertThat(new PointAggregate().exampleSeeds(Outcome.FAILED)).isEmpty();
        assertThat(new PointAggregate().exampleSeeds(new NatPair("a", "b"), Outcome.FAILED)).isEmpty();
    }

    @Test
    void exampleSeedsSurviveReportJson() {
        PointAggregate a = SyntheticRuns.aggregate(SEED, 3_000, 0.5, 0.3);
        PointAggregate back = AggregateJson.read(AggregateJson.write(a));
        assertThat(back).isEqualTo(a);
        for (FailureReason reason : FailureReason.values()) {
            assertThat(back.exampleSeeds(reason)).as("%s, seed %d", reason, SEED).containsExactly(a.exampleSeeds(reason));
        }
        for (NatPair pair : a.natPairs().keySet()) {
            assertThat(back.exampleSeeds(pair, Outcome.FAILED)).as("%s, seed %d", pair, SEED).containsExactly(a.exampleSeeds(pair, Outcome.FAILED));
        }
    }

    @Test
    void aSeedSeenTwiceIsKeptOnce() {
        ExampleSeeds seeds = new ExampleSeeds();
        for (long seed : new long[] {9, 4, 4, 7, 1, 9, 1}) {
            seeds.add(seed);
        }
        assertThat(seeds.seeds()).containsExactly(1, 4, 7);
        ExampleSeeds other = new ExampleSeeds();
        other.add(-3);
        other.add(4);
        seeds.merge(other);
        assertThat(seeds.seeds()).containsExactly(-3, 1, 4);
    }

    private static long[] smallest(java.util.stream.LongStream seeds) {
        return seeds.distinct().sorted().limit(ExampleSeeds.KEPT).toArray();
    }
}
