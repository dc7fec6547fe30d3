package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.run.SweepJob;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sweep on Spark's embedded {@code local[2]} writes the report.json that the runner on one
 * machine writes with two threads, byte for byte but for the wall clock: every seed run once,
 * partitions reduced on the driver, histograms written canonically. fusion-default at 20,000
 * seeds is shown through the command ({@code CommandEngineIT}) and with a retried task
 * ({@code FailingTasksTest}); here a grid of 27 points, one with game-phase round trips, and 16
 * points of fewer runs than a chunk; and game sessions of one and three clients behind a shared
 * carrier NAT, to a seed count and to a precision.
 */
class LocalIdentityTest {
    private static SparkEngine engine;

    @BeforeAll
    static void startSpark() {
        engine = SparkEngine.start(new SparkConf().setMaster("local[2]").setAppName("identity"));
    }

    @AfterAll
    static void stopSpark() {
        if (engine != null) {
            engine.close();
        }
    }

    /**
     * To a precision: waves of batches, several batches of a point in one wave when there are few
     * points (fusion-default: four), each point stopping at the same whole batch as on one machine.
     */
    @ParameterizedTest(name = "{0} to a half-width of {1}")
    @CsvSource({"fusion-default, 0.01", "tune-interval-limit, 0.03"})
    void toAPrecisionLocalTwoStopsEveryPointWhereTwoThreadsDo(String example, double halfWidth) throws Exception {
        JobSpec spec = Reports.toHalfWidth(example, halfWidth);
        SweepJob job = spec.prepare();
        SparkSweep.Result result = SparkSweep.run(engine, job, spec);
        assertThat(result.partial()).isFalse();
        assertThat(result.stops()).hasSize(job.points().size());
        SweepReport onTwoThreads = Reports.onTwoThreads(spec);
        assertThat(Reports.withoutWallClock(SparkSweep.report(job, result)))
                .as("%s to a half-width of %s from root seed %d: local[2] against --threads 2", example, halfWidth,
                        job.scenario().base().rootSeed())
                .isEqualTo(Reports.withoutWallClock(onTwoThreads));
    }

    @ParameterizedTest(name = "{0}, seeds {1} (0: the file's)")
    @CsvSource({"tune-interval-limit, 1000", "lossy-mobile, 4000", "nat-matrix, 0"})
    void localTwoWritesTheReportOfTwoThreads(String example, long seeds) throws Exception {
        JobSpec spec = Reports.spec(example, seeds);
        SweepJob job = spec.prepare();
        long before = engine.runsDone();
        SparkSweep.Result result = SparkSweep.run(engine, job, spec);
        SweepReport onSpark = SparkSweep.report(job, result);

        assertThat(result.partial()).isFalse();
        assertThat(result.cores()).isEqualTo(2);
        assertThat(engine.runsDone() - before).as("runs counted by the driver").isEqualTo(job.totalRuns());
        assertThat(SeedRanges.plan(job.points().size(), job.seedsPerPoint(),
                SeedRanges.runsPerTask(job.totalRuns(), 2)).size())
                .as("tasks, so that both cores and several partitions per point take part")
                .isGreaterThanOrEqualTo(job.points().size() > 1 ? job.points().size() : 4);
        SweepReport onTwoThreads = Reports.onTwoThreads(spec);
        assertThat(Reports.withoutWallClock(onSpark))
                .as("%s, %d seeds per point from root seed %d: local[2] against --threads 2", example,
                        job.seedsPerPoint(), job.scenario().base().rootSeed())
                .isEqualTo(Reports.withoutWallClock(onTwoThreads));
    }

    /** Game sessions: the host and half the clients behind one carrier NAT, 1 and 3 clients a session. */
    private static final String SESSIONS = "sessions-shared-nat";

    /**
     * A sweep over {@code session.clients: [1, 3]}: every session run once, its clients' runs and
     * its session tallies merged into the point, the report (the {@code sessions} sections and the
     * digests included) that of two threads; the runs counted, as on one machine, are sessions.
     */
    @Test
    void sessionsBehindASharedNatGiveTheReportOfTwoThreads() throws Exception {
        long seeds = 2_000;
        JobSpec spec = Reports.withSeeds(Reports.resource(SESSIONS), seeds);
        SweepJob job = spec.prepare();
        long before = engine.runsDone();
        List<Long> expected = new ArrayList<>();
        SparkSweep.Result result = SparkSweep.run(engine, job, spec, RangeRunner.SEEDS, expected::add);
        SweepReport onSpark = SparkSweep.report(job, result);
        SweepJob local = Reports.twoThreadJob(spec);
        SweepReport onTwoThreads = local.run();
        long root = job.scenario().base().rootSeed();

        assertThat(result.partial()).isFalse();
        assertThat(result.points()).hasSize(2);
        for (int p = 0; p < 2; p++) {
            PointAggregate point = result.points().get(p);
            int clients = p == 0 ? 1 : 3;
            assertThat(point.sessions()).as("sessions of point %d, root seed %d", p + 1, root).isEqualTo(seeds);
            assertThat(point.runs()).as("client runs of point %d, root seed %d", p + 1, root).isEqualTo(clients * seeds);
        }
        assertThat(SeedRanges.plan(job.points().size(), job.seedsPerPoint(),
                SeedRanges.runsPerTask(job.totalRuns(), 2)).size())
                .as("tasks: each point in several partitions").isGreaterThanOrEqualTo(4);
        // Runs are sessions wherever they are counted: the engine's tally, the result, the progress bar's total.
        assertThat(engine.runsDone() - before).as("sessions counted by the driver").isEqualTo(2 * seeds);
        assertThat(result.runs()).as("sessions in the result, as the runner on one machine counts them")
                .isEqualTo(local.runsDone()).isEqualTo(2 * seeds);
        assertThat(expected).as("the progress bar's total").containsExactly(local.totalRuns());
        String json = Reports.withoutWallClock(onSpark);
        assertThat(json).as("the session tallies are in the report").contains("\"sessions\" : {");
        assertThat(json)
                .as("%s, %d sessions per point from root seed %d: local[2] against --threads 2", SESSIONS, seeds, root)
                .isEqualTo(Reports.withoutWallClock(onTwoThreads));
        assertThat(onSpark.wallClock().runsPerSecond() * onSpark.wallClock().durationSeconds())
                .as("the wall clock's runs are sessions, as on one machine").isCloseTo(2.0 * seeds, within(1e-6));
    }

    /**
     * To the file's precision, in batches of 256 sessions: each point stops at the same whole batch
     * of sessions as on one machine, the stops counted in sessions, and the progress bar ends at the
     * sessions run, as on one machine.
     */
    @Test
    void sessionsToAPrecisionStopWhereTwoThreadsDo() throws Exception {
        JobSpec spec = Reports.resource(SESSIONS);
        SweepJob job = spec.prepare();
        assertThat(job.precision()).as("the file's precision").isPresent();
        List<Long> expected = new ArrayList<>();
        SparkSweep.Result result = SparkSweep.run(engine, job, spec, RangeRunner.SEEDS, expected::add);
        SweepJob local = Reports.twoThreadJob(spec);
        SweepReport onTwoThreads = local.run();
        long root = job.scenario().base().rootSeed();

        assertThat(result.partial()).isFalse();
        assertThat(result.stops()).hasSize(2);
        long sessions = 0;
        for (int p = 0; p < 2; p++) {
            PointAggregate point = result.points().get(p);
            assertThat(result.stops().get(p).seeds()).as("point %d stopped after whole batches of sessions, root seed %d", p + 1, root)
                    .isEqualTo(point.sessions()).isEqualTo(point.seeds());
            assertThat(point.sessions() % job.precision().get().batch()).as("whole batches").isZero();
            sessions += point.sessions();
        }
        assertThat(result.stops().get(0).seeds()).as("the points stop apart (root seed %d)", root)
                .isNotEqualTo(result.stops().get(1).seeds());
        assertThat(result.runs()).as("sessions in the result, as on one machine").isEqualTo(local.runsDone()).isEqualTo(sessions);
        assertThat(expected.get(expected.size() - 1)).as("the progress bar's last total: the sessions run")
                .isEqualTo(local.totalRuns()).isEqualTo(sessions);
        assertThat(Reports.withoutWallClock(SparkSweep.report(job, result)))
                .as("%s to its precision from root seed %d: local[2] against --threads 2", SESSIONS, root)
                .isEqualTo(Reports.withoutWallClock(onTwoThreads));
    }
}
