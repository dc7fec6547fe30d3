package io.punchsim.cli;

import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.run.SweepJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs every point of a scenario's sweep over all its seeds, prints a summary table,",
                "judges the gates and writes report.json, report.md, report.html, junit.xml and report.csv."},
        footer = {"", "Examples:", "  ./punchsim sweep scenarios/examples/tune-interval-limit.yaml --out report --seeds 2000",
                "  ./punchsim sweep scenarios/examples/fusion-default.yaml --out report --engine spark --master 'local[2]'"})
final class SweepCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Scenario file (YAML).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Directory for the reports: created if missing, checked before the first run, replaced as a whole,"
                    + " so it may hold only punchsim's reports.")
    Path out;

    @Mixin
    RunOptions options;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        LoadedScenario loaded = Scenarios.load(file);
        return SweepExecution.executePoints(file, loaded, SweepJob.Points.all(), options, engine, out);
    }
}
