package io.punchsim.cli;

import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.run.SweepJob;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks scenario files without running them: every key, type and range, and every sweep point.",
        footer = {"", "Example:", "  ./punchsim validate scenarios/examples/*.yaml"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
    List<Path> files;

    @Override
    public Integer call() {
        int exit = ExitCode.OK;
        for (Path file : files) {
            try {
                LoadedScenario loaded = Scenarios.load(file);
                // Preparing the job checks every point as a run would, without running any.
                Scenarios.job(loaded, SweepJob.Options.defaults());
                String seeds = loaded.precision().map(p -> "each to a precision: " + p.describe())
                        .orElse(String.format(java.util.Locale.ROOT, "%,d seeds each", loaded.base().seeds()));
                String tune = loaded.tune().map(t -> String.format(java.util.Locale.ROOT, "; a tune of %,d candidates",
                        t.gridSize())).orElse("");
                System.out.printf("ok      %s (%d point%s, %s%s)%n", file, loaded.points().size(),
                        loaded.points().size() == 1 ? "" : "s", seeds, tune);
            } catch (BadInputException e) {
                System.err.println(e.getMessage());
                System.out.printf("invalid %s%n", file);
                exit = ExitCode.BAD_INPUT;
            }
        }
        return exit;
    }
}
