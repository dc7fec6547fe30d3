package io.punchsim.cli;

import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.SweepJob;
import io.punchsim.scenarios.run.Sweeps;
import java.nio.file.Path;

/** Loading scenario files and preparing their jobs for the commands, with errors turned into exit code 2. */
final class Scenarios {
    private Scenarios() {}

    static LoadedScenario load(Path file) {
        try {
            return ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** The job that runs the chosen points of a loaded file; a point that cannot run is bad input. */
    static SweepJob job(LoadedScenario loaded, SweepJob.Options options) {
        try {
            return SweepJob.prepare(loaded, options);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** Checks that every point of a loaded file can run, as preparing its job would, keeping none of them. */
    static void check(LoadedScenario loaded) {
        try {
            Sweeps.check(loaded);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** The points a {@code --point K} option chooses: point K of the grid, or the base without it. */
    static SweepJob.Points point(Path file, LoadedScenario loaded, Integer point) {
        if (point == null) {
            return SweepJob.Points.base();
        }
        if (point < 1 || point > loaded.points().size()) {
            throw new BadInputException(file + ": --point must be 1.." + loaded.points().size() + ", got " + point);
        }
        return SweepJob.Points.only(point);
    }
}
