package io.punchsim.cli;

import io.punchsim.scenarios.load.LoadedScenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
            long started = System.nanoTime();
            try {
                LoadedScenario loaded = Scenarios.load(file);
                // Preparing every point checks it as a run would, without running any.
                Scenarios.check(loaded);
                double seconds = (System.nanoTime() - started) / 1e9;
                String seeds = loaded.precision().map(p -> "each to a precision: " + p.describe())
                        .orElse(String.format(Locale.ROOT, "%,d seeds each", loaded.base().seeds()));
                String tune = loaded.tune().map(t -> String.format(Locale.ROOT, "; a tune of %,d candidates",
                        t.gridSize())).orElse("");
                System.out.printf(Locale.ROOT, "ok      %s (%,d point%s, %s%s; checked in %.1f s)%n", file,
                        loaded.points().size(), loaded.points().size() == 1 ? "" : "s", seeds, tune, seconds);
                // A setting that runs but cannot relay is legal, so it warns and the exit stays 0.
                RelayWarnings.of(loaded).forEach(System.out::println);
            } catch (BadInputException e) {
                System.err.println(e.getMessage());
                System.out.printf("invalid %s%n", file);
                exit = ExitCode.BAD_INPUT;
            }
        }
        return exit;
    }
}
