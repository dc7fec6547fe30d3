package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.run.PreparedPoint;
import io.punchsim.scenarios.run.RunFailedException;
import io.punchsim.scenarios.run.SweepJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks that fail. {@code local[2,2]} gives a task two tries, as a cluster gives it
 * {@code spark.task.maxFailures}. The failures come from a {@link RangeRunner} of the test's own,
 * the seam through which the engine runs a range; the production runner has no such branch. The
 * cancel comes last: a cancelled engine stays cancelled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailingTasksTest {
    private static SparkEngine engine;

    @BeforeAll
    static void startSpark() {
        engine = SparkEngine.start(new SparkConf().setMaster("local[2,2]").setAppName("failing-tasks"));
    }

    @AfterAll
    static void stopSpark() {
        if (engine != null) {
            engine.close();
        }
    }

    /**
     * Fails the first try of the range starting at run {@code from} of point {@code point}, then
     * runs it; every try leaves a file in {@code tries}, which outlives the task's JVM state.
     */
    record FailFirstTry(String tries, int point, long from) implements RangeRunner {
        @Override
        public PointAggregate run(SweepJob job, SeedRange range) {
            if (range.point() == point && range.from() == from) {
                Path dir = Path.of(tries);
                try {
                    Files.createFile(dir.resolve("first"));
                    throw new IllegalStateException("the first try of " + range + " fails");
                } catch (FileAlreadyExistsException again) {
                    touch(dir.resolve("second"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return RangeRunner.SEEDS.run(job, range);
        }

        private static void touch(Path file) {
            try {
                Files.writeString(file, "x");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Every try of the range at run {@code from} of point {@code point} fails as a run that throws
     * does: with the pipeline's RunFailedException.
     */
    record AlwaysFails(int point, long from) implements RangeRunner {
        @Override
        public PointAggregate run(SweepJob job, SeedRange range) {
            if (range.point() == point && range.from() == from) {
                PreparedPoint point = job.points().get(range.point());
                throw new RunFailedException(point.point(), point.seed(range.from() + 3), new ArithmeticException("test"));
            }
            return RangeRunner.SEEDS.run(job, range);
        }
    }

    @Test
    @Order(1)
    void aTaskThatFailsOnceIsRetriedAndItsRunsCountOnce(@TempDir Path tries) throws Exception {
        JobSpec spec = Reports.spec("fusion-default", 20000);
        SweepJob job = spec.prepare();
        long before = engine.runsDone();
        SparkSweep.Result result = SparkSweep.run(engine, job, spec, new FailFirstTry(tries.toString(), 0, 2560));
        SweepReport onSpark = SparkSweep.report(job, result);

        assertThat(tries.resolve("first")).as("the task failed once").exists();
        assertThat(tries.resolve("second")).as("and Spark tried it again").exists();
        assertThat(result.runs()).isEqualTo(job.totalRuns());
        assertThat(engine.runsDone() - before).as("runs counted by the driver").isEqualTo(job.totalRuns());
        assertThat(Reports.withoutWallClock(onSpark))
                .as("fusion-default, 20000 seeds from root seed %d, runs 2560..5120 failed once",
                        job.scenario().base().rootSeed())
                .isEqualTo(Reports.withoutWallClock(Reports.onTwoThreads(spec)));
    }

    @Test
    @Order(2)
    void aRunThatThrowsOnEveryTryFailsTheSweepNamingItsPointAndSeed() throws Exception {
        JobSpec spec = Reports.spec("same-lan", 2000);
        SweepJob job = spec.prepare();
        long seed = job.points().get(2).seed(1024 + 3);
        assertThatThrownBy(() -> SparkSweep.run(engine, job, spec, new AlwaysFails(2, 1024)))
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.seed()).isEqualTo(seed);
                    assertThat(e.point()).isSameAs(job.points().get(2).point());
                })
                .hasMessage("the run with seed " + seed + " of sweep point 3 (host.nat.hairpinning=true, "
                        + "protocol.variants.local-candidates=false) failed: java.lang.ArithmeticException: test");
    }

    /** Cancelled after the first range came back: what came back, each range once, and nothing else. */
    @Test
    @Order(3)
    void aCancelledJobHandsBackWhatFinished() throws Exception {
        JobSpec spec = Reports.spec("fusion-default", 40000);
        SweepJob job = spec.prepare();
        List<SeedRange> ranges = SeedRanges.plan(1, 40000, 1024);
        List<Integer> arrived = new ArrayList<>();
        PointAggregate merged = new PointAggregate();
        boolean complete = engine.run(spec, ranges, RangeRunner.SEEDS, (aggregate, task) -> {
            arrived.add(task);
            merged.merge(aggregate);
            engine.cancel();
        });
        assertThat(complete).isFalse();
        assertThat(arrived).isNotEmpty().doesNotHaveDuplicates().hasSizeLessThan(ranges.size());
        PointAggregate expected = new PointAggregate();
        for (int task : arrived) {
            SeedRange range = ranges.get(task);
            expected.merge(job.runSeeds(range.point(), range.from(), range.to()));
        }
        assertThat(merged).as("tasks %s of fusion-default from root seed %d", arrived, job.scenario().base().rootSeed())
                .isEqualTo(expected);
        assertThat(engine.run(spec, ranges, RangeRunner.SEEDS, (aggregate, task) -> arrived.add(-1)))
                .as("a cancelled engine runs nothing more").isFalse();
    }
}
