package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.reports.format.ReportJson;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.load.Examples;
import io.punchsim.scenarios.load.LoadedScenario;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sweep is a pure function of the scenario: one thread or several give a byte-identical
 * report.json, apart from the wall-clock section that is kept apart for this reason.
 *
 * <p>Each point has enough seeds that, at the most threads tried, every thread can be handed several
 * chunks, so the threads really interleave their runs; and the test checks that more than one
 * thread did work, or it would prove nothing. Runs that shared state between threads (one network
 * for all of them, say) would mix up each other's packets and change outcomes here.
 */
class ThreadCountDeterminismTest {

    private static final int MAX_THREADS = 4;
    private static final int CHUNKS_PER_THREAD = 4;
    private static final long SEEDS = (long) SweepRunner.CHUNK * CHUNKS_PER_THREAD * MAX_THREADS;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fusion-default", "variants"})
    void everyThreadCountWritesTheSameReport(String example) throws Exception {
        LoadedScenario loaded = Examples.load(example);
        String one = reportWithoutWallClock(loaded, 1);
        for (int threads = 2; threads <= MAX_THREADS; threads++) {
            assertThat(reportWithoutWallClock(loaded, threads))
                    .as("%s, %d seeds per point from root seed %d: %d threads against 1", example, SEEDS,
                            loaded.base().rootSeed(), threads)
                    .isEqualTo(one);
        }
    }

    private static String reportWithoutWallClock(LoadedScenario loaded, int threads) throws Exception {
        SweepJob job = SweepJob.prepare(loaded, SweepJob.Options.defaults().withSeeds(SEEDS).withThreads(threads));
        SweepReport report = job.run();
        assertThat(report.partial()).isFalse();
        long[] byThread = job.runsByThread();
        assertThat(Arrays.stream(byThread).sum()).isEqualTo(job.totalRuns());
        if (threads > 1) {
            assertThat(Arrays.stream(byThread).filter(runs -> runs > 0).count())
                    .as("threads that ran something, of %d: %s", threads, Arrays.toString(byThread))
                    .isGreaterThan(1);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(ReportJson.write(report));
        assertThat(tree.has("wallClock")).isTrue();
        tree.remove("wallClock");
        return json.writeValueAsString(tree);
    }
}
