package io.punchsim.cli;

import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.run.PreparedPoint;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the reports to this directory.")
    Path out;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        LoadedScenario loaded = Scenarios.load(file);
        SweepPoint chosen;
        if (point == null) {
            chosen = new SweepPoint(0, Map.of(), loaded.base());
        } else {
            if (point < 1 || point > loaded.points().size()) {
                throw new BadInputException(file + ": --point must be 1.." + loaded.points().size() + ", got " + point);
            }
            chosen = loaded.points().get(point - 1);
        }
        LoadedScenario one = new LoadedScenario(loaded.file(), loaded.base(), loaded.sweep(), List.of(chosen));
        List<PreparedPoint> prepared = Scenarios.prepare(one);
        return SweepExecution.execute(one, prepared, options, out, System.out).exitCode();
    }
}
