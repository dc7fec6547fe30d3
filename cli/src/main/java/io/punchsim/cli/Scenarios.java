package io.punchsim.cli;

import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.PreparedPoint;
import io.punchsim.scenarios.run.Sweeps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loading and preparing scenario files for the commands, with errors turned into exit code 2. */
final class Scenarios {
    private Scenarios() {}

    static LoadedScenario load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        try {
            return ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    static List<PreparedPoint> prepare(LoadedScenario loaded) {
        try {
            return Sweeps.prepare(loaded);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
