package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.run.SweepJob;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sweep on Spark's embedded {@code local[2]} writes the report.json that the runner on one
 * machine writes with two threads, byte for byte but for the wall clock: every seed run once,
 * partitions reduced on the driver, histograms written canonically. fusion-default at 20,000
 * seeds is shown through the command ({@code CommandEngineIT}) and with a retried task
 * ({@code FailingTasksTest}); here a grid of 27 points, one with game-phase round trips, and 16
 * points of fewer runs than a chunk.
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
}
