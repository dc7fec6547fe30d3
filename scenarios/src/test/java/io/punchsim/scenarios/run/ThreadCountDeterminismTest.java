package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.reports.format.ReportJson;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.load.Examples;
import io.punchsim.scenarios.load.LoadedScenario;
import org.junit.jupiter.api.Test;

/**
 * A sweep is a pure function of the scenario: one thread or several give a byte-identical
 * report.json, apart from the wall-clock section that is kept apart for this reason.
 */
class ThreadCountDeterminismTest {

    @Test
    void oneThreadAndTwoThreadsWriteTheSameReport() throws Exception {
        LoadedScenario loaded = Examples.load("tune-interval-limit");
        String one = reportWithoutWallClock(loaded, 1);
        String two = reportWithoutWallClock(loaded, 2);
        String three = reportWithoutWallClock(loaded, 3);
        assertThat(two).isEqualTo(one);
        assertThat(three).isEqualTo(one);
    }

    private static String reportWithoutWallClock(LoadedScenario loaded, int threads) throws Exception {
        SweepRunner.Result result = new SweepRunner(threads).run(Sweeps.prepare(loaded), 100);
        SweepReport report = SweepReport.judge(Sweeps.identity(loaded), Sweeps.gates(loaded), result.points(),
                result.partial(), WallClock.ofThisMachine(result.seconds(), result.runs(), threads));
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(ReportJson.write(report));
        assertThat(tree.has("wallClock")).isTrue();
        tree.remove("wallClock");
        return json.writeValueAsString(tree);
    }
}
