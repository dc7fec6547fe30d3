package io.punchsim.cli;

import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.tune.TuneReport;
import io.punchsim.scenarios.tune.TuneResult;
import io.punchsim.scenarios.tune.Tuner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Searches the values of a scenario's tune: section for the front of its",
                "objectives under its constraints, spending seeds where the decision is close,",
                "and recommends one setting. Prints the front and the recommendation with its",
                "reason; writes tune.json, tune.md (with front.svg), tune.html and front.yaml,",
                "a sweep of the front that punchsim sweep runs as it is."},
        footer = {"", "Examples:", "  ./punchsim tune scenarios/examples/tune-fusion.yaml --out tune",
                "  ./punchsim tune scenarios/examples/tune-fusion.yaml --out grid --full-grid --precision 5%%",
                "  ./punchsim tune scenarios/examples/tune-fusion.yaml --out tune --engine spark --master 'local[2]'",
                "  ./punchsim sweep tune/front.yaml --out front"})
final class TuneCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Scenario file (YAML) with a tune: section.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for the files (created if missing).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads, 1..${sys:punchsim.max-threads} (default: all ${sys:punchsim.cores} cores). Results are identical for any N.")
    Integer threads;

    @Option(names = "--precision", paramLabel = "HALF-WIDTH",
            description = "Run each candidate to this 95%% half-width on every rate over runs (e.g. 0.5%%), instead of the file's precision.")
    String precision;

    @Option(names = "--budget", paramLabel = "RUNS", description = "The most runs the tune may make, instead of the file's budget.")
    Long budget;

    @Option(names = "--full-grid", description = "Run every candidate of the grid to the precision, ruling none out: what the race saves.")
    boolean fullGrid;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Mixin
    EngineOptions engine;

    static {
        System.setProperty("punchsim.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public Integer call() {
        LoadedScenario loaded = Scenarios.load(file);
        Tuner.Options options = Tuner.Options.defaults();
        int n = RunOptions.threads(threads);
        options = options.withThreads(n).withMode(fullGrid ? Tuner.Mode.FULL_GRID : Tuner.Mode.RACE);
        if (precision != null) {
            options = options.withHalfWidth(RunOptions.halfWidth(precision));
        }
        if (budget != null) {
            if (budget < 1) {
                throw new BadInputException("--budget must be at least 1 run, got " + budget);
            }
            options = options.withBudget(budget);
        }
        Tuner tuner;
        try {
            tuner = Tuner.prepare(loaded, options, engine.tune(file, n));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        // Made once the file has proved it can be tuned, and before the first run.
        OutputPaths.directory("--out", out);
        return execute(tuner, quiet, out);
    }

    static int execute(Tuner tuner, boolean quiet, Path out) {
        CountDownLatch written = new CountDownLatch(1);
        // As a sweep's (SweepExecution): cancel, wait for what was found to be written, end with 130.
        Thread onInterrupt = new Thread(() -> {
            try {
                tuner.cancel();
                written.await(SweepExecution.SIGNAL_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
            }
        }, "punchsim-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            TuneResult result;
            String unit = tuner.budget().isPresent() ? "runs of the budget" : "runs (a guess)";
            try (ProgressBar bar = ProgressBar.start(tuner::expectedRuns, tuner::runsDone, unit,
                    () -> String.format(Locale.ROOT, "%d candidates left, %d evaluated of %d", tuner.candidatesLeft(),
                            tuner.candidatesEvaluated(), tuner.gridSize()), quiet)) {
                try {
                    result = tuner.run();
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(e.getMessage(), e);
                }
            }
            List<Path> files;
            try {
                files = TuneReport.write(out, result);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the tune's files to " + out + ": " + e.getMessage(), e);
            }
            TuneConsole.print(result, System.out);
            System.out.println("Files written to " + out + " (" + String.join(", ",
                    files.stream().map(f -> f.getFileName().toString()).toList()) + ")");
            if (result.partial()) {
                System.out.println("Interrupted: the files hold what the tune found so far, marked interrupted.");
                return ExitCode.INTERRUPTED;
            }
            return result.choice().isPresent() ? ExitCode.OK : ExitCode.GATE_FAILED;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Already shutting down on Ctrl-C: the hook is running and sees the latch.
            }
        }
    }
}
