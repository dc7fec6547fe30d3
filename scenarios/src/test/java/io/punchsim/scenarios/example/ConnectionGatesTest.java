package io.punchsim.scenarios.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.SweepJob;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConnectionGatesTest {

    @Test
    void theConnectionProcessPassesItsGates() throws Exception {
        SweepJob job = SweepJob.prepare(ScenarioLoader.load(Path.of("examples/fusion-default.yaml")),
                SweepJob.Options.defaults().withSeeds(2_000));
        SweepReport report = job.run();
        assertTrue(report.passed(), () -> String.join("\n", report.failures()));
    }
}
