package io.punchsim.cli;

import io.punchsim.scenarios.load.LoadedScenario;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one point of a scenario over all its seeds: the file's base scenario, ignoring any sweep,",
                "or one point of the sweep with --point. Prints the summary and judges the gates."},
        footer = {"", "Examples:", "  ./punchsim run scenarios/examples/fusion-default.yaml",
                "  ./punchsim run scenarios/examples/nat-matrix.yaml --point 4 --out report"})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Scenario file (YAML).")
    Path file;

    @Option(names = "--point", paramLabel = "K", description = "Run sweep point K (1-based, in grid order) instead of the base.")
    Integer point;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the reports to this directory (checked before the first run, replaced as a whole).")
    Path out;

    @Mixin
    RunOptions options;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        LoadedScenario loaded = Scenarios.load(file);
        return SweepExecution.executePoints(file, loaded, Scenarios.point(file, loaded, point), options, engine, out);
    }
}
