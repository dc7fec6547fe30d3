package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.load.Examples;
import io.punchsim.scenarios.load.LoadedScenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example runs as shipped: every point prepares and a few seeds of each run to an end. */
class ExamplesRunTest {

    static java.util.List<String> examples() {
        return Examples.NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyPointOfTheExampleRuns(String name) throws Exception {
        LoadedScenario loaded = Examples.load(name);
        for (PreparedPoint point : SweepJob.prepare(loaded).points()) {
            for (long seed = 1; seed <= 3; seed++) {
                RunOutcome outcome = ConnectionRun.run(point, seed);
                assertThat(outcome.seed()).isEqualTo(seed);
                assertThat(outcome.hostNat()).as("%s %s seed %d", name, point.point().label(), seed).isNotBlank();
            }
        }
    }
}
