package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.tune.CandidateStatus;
import io.punchsim.scenarios.tune.TuneEngine;
import io.punchsim.scenarios.tune.TuneJson;
import io.punchsim.scenarios.tune.TuneResult;
import io.punchsim.scenarios.tune.Tuner;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A tune on Spark's embedded {@code local[2]} finds what the race on this machine's threads finds,
 * byte for byte in tune.json but for the wall clock: every round's batches run as seed ranges on
 * the executors, each candidate rebuilt there from the file's text, the aggregates merged on the
 * driver before the race reads them. The cancel comes last: a cancelled engine stays cancelled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TuneIdentityTest {
    static final long ROOT_SEED = 5;

    /**
     * Full-cone NATs with 50% loss each way on the direct path (TuneClosedFormTest's network): the
     * direct rate climbs with the attempt limit as 1 - 0.75^L and the connect time with it, so the
     * race has a front to find, candidates to rule out and neighbours to add: 8 x 3 candidates,
     * four in the first design, batches of 256 seeds, about 20 rounds.
     */
    static final String SCENARIO = """
            name: tune-two
            root-seed: %d
            host: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s}
            client: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s, join-delay: 0s}
            network:
              cloud: {latency: 30ms}
              stun: {latency: 20ms}
              peer-path: {latency: 5ms, loss: 50%%}
            protocol: {direct-fraction: 1}
            precision: {half-width: 1.5%%, metrics: [direct-rate], batch: 256, max-seeds: 8192}
            tune:
              parameters:
                protocol.attempt-limit: {range: [2, 16], step: 2}
                protocol.attempt-interval: [100ms, 300ms, 500ms]
              objectives:
                - {maximize: direct-rate}
                - {minimize: connect-time-p95}
              constraints:
                - {metric: direct-rate, at-least: 60%%}
              choose: {minimize: connect-time-p95}
              initial: 4
            """.formatted(ROOT_SEED);

    private static SparkEngine engine;

    @BeforeAll
    static void startSpark() {
        // Tasks of one chunk: each batch is several ranges merged on the driver, and each round many tasks.
        engine = SparkEngine.start(new SparkConf().setMaster("local[2]").setAppName("tune-identity")
                .set(SeedRanges.RUNS_PER_TASK_SETTING, Integer.toString(SeedRanges.CHUNK)));
    }

    @AfterAll
    static void stopSpark() {
        if (engine != null) {
            engine.close();
        }
    }

    private static LoadedScenario loaded() throws Exception {
        return ScenarioLoader.load("tune-two.yaml", SCENARIO);
    }

    private static TuneCandidates candidates() {
        return new TuneCandidates("tune-two.yaml", SCENARIO);
    }

    private static Tuner.Options options(String budget) {
        Tuner.Options options = Tuner.Options.defaults().withThreads(2);
        return budget.isEmpty() ? options : options.withBudget(Long.parseLong(budget));
    }

    /** The race to the end, and one that the budget cuts. */
    @ParameterizedTest(name = "budget {0} (none if empty)")
    @CsvSource(value = {"''", "6000"})
    @Order(1)
    void aTuneOnLocalTwoWritesTheTuneJsonOfTwoThreads(String budget) throws Exception {
        TuneResult onThreads = Tuner.prepare(loaded(), options(budget)).run();
        TuneResult onSpark = Tuner.prepare(loaded(), options(budget), n -> new SparkTuneEngine(engine, candidates())).run();

        assertThat(onThreads.rounds()).as("root seed %d: a race of several rounds", ROOT_SEED).isGreaterThan(1);
        assertThat(onThreads.candidates()).as("root seed %d: neighbours joined", ROOT_SEED)
                .anyMatch(c -> c.origin().startsWith("next to"));
        assertThat(onThreads.candidates()).as("root seed %d: some ruled out", ROOT_SEED).anyMatch(c -> c.status().ruledOut());
        assertThat(onThreads.stoppedBecause()).as("root seed %d", ROOT_SEED)
                .isEqualTo(budget.isEmpty() ? TuneResult.Stop.SETTLED : TuneResult.Stop.BUDGET);
        assertThat(onSpark.wallClock().threads()).as("the Spark cores").isEqualTo(2);
        assertThat(Reports.withoutWallClock(TuneJson.write(onSpark)))
                .as("tune-two from root seed %d, budget %s: local[2] against --threads 2", ROOT_SEED, budget)
                .isEqualTo(Reports.withoutWallClock(TuneJson.write(onThreads)));
    }

    /**
     * Cancelled once tasks of the second round have come back: the round is dropped whole, so the
     * tune holds its first round alone (each design candidate's first batch, exactly as run here),
     * ends interrupted, and every candidate still running says so.
     */
    @Test
    @Order(2)
    void aCancelledRoundIsDroppedWholeAndTheTuneHoldsTheRoundsBeforeIt() throws Exception {
        LoadedScenario loaded = loaded();
        SparkTuneEngine spark = new SparkTuneEngine(engine, candidates());
        AtomicInteger rounds = new AtomicInteger();
        long[] runsAfterFirst = new long[1];
        TuneEngine cancelInSecond = new TuneEngine() {
            @Override
            public boolean run(List<Batch> round) {
                if (rounds.incrementAndGet() == 2) {
                    runsAfterFirst[0] = spark.runsDone();
                    Thread canceller = new Thread(() -> {
                        while (spark.runsDone() == runsAfterFirst[0]) {
                            Thread.onSpinWait();
                        }
                        spark.cancel();
                    });
                    canceller.setDaemon(true);
                    canceller.start();
                }
                return spark.run(round);
            }

            @Override
            public long runsDone() {
                return spark.runsDone();
            }

            @Override
            public int threads() {
                return spark.threads();
            }

            @Override
            public void cancel() {
                spark.cancel();
            }

            @Override
            public void close() {
                spark.close();
            }
        };
        TuneResult result = Tuner.prepare(loaded, options(""), n -> cancelInSecond).run();

        assertThat(rounds.get()).isEqualTo(2);
        assertThat(spark.runsDone()).as("tasks of the second round came back before the cancel").isGreaterThan(runsAfterFirst[0]);
        assertThat(result.partial()).isTrue();
        assertThat(result.stoppedBecause()).isEqualTo(TuneResult.Stop.INTERRUPTED);
        assertThat(result.rounds()).isEqualTo(1);
        assertThat(result.runs()).as("the first round's runs alone").isEqualTo(runsAfterFirst[0]);
        for (TuneResult.Evaluated c : result.candidates()) {
            assertThat(c.seeds()).as("candidate #%d, root seed %d", c.index(), ROOT_SEED).isIn(0L, 256L);
            PointAggregate expected = new PointAggregate();
            Tuner.candidate(loaded, c.index()).runInto(expected, 0, c.seeds());
            assertThat(c.aggregate()).as("candidate #%d, runs 0..%d from root seed %d", c.index(), c.seeds(), ROOT_SEED)
                    .isEqualTo(expected);
            if (!c.status().ruledOut() && c.status() != CandidateStatus.PRECISE && c.status() != CandidateStatus.MAX_SEEDS) {
                assertThat(c.status()).as("candidate #%d", c.index()).isEqualTo(CandidateStatus.INTERRUPTED);
            }
        }
        assertThat(result.candidates()).filteredOn(c -> c.seeds() == 256).hasSize(4);
    }
}
