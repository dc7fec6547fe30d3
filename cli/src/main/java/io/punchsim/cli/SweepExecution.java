package io.punchsim.cli;

import io.punchsim.reports.format.ReportDirectory;
import io.punchsim.reports.format.ReportWriter;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.run.RunFailedException;
import io.punchsim.scenarios.run.SweepJob;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The command-line side of running a sweep job: the output directory checked and locked before
 * the first run, a progress bar, a clean stop on a signal (what finished is written, marked
 * partial, exit 130), the summary printed, the reports written, the exit code.
 *
 * <p>Stopping on SIGINT (Ctrl-C), SIGTERM (what CI sends on cancel) or SIGHUP goes through a JVM
 * shutdown hook: it cancels the job, waits for the main thread to write what finished, and then
 * halts the JVM with 130. Left to itself the JVM would exit with the signal's own status, 128 plus
 * its number (143 for SIGTERM); {@link Runtime#halt} sets the status and skips nothing this
 * command needs, since the main thread has written and flushed everything by then.
 */
final class SweepExecution {
    private SweepExecution() {}

    /** How long a signal waits for what finished to be written before the process ends anyway. */
    static final long SIGNAL_GRACE_SECONDS = 60;

    record Outcome(SweepReport report, int exitCode) {}

    /**
     * What the run and sweep commands do once the file is loaded, which differ only in the points
     * they choose: the job for those points with the run flags, made by the engine the flags name.
     *
     * @return the exit code
     */
    static int executePoints(Path file, LoadedScenario loaded, SweepJob.Points points, RunOptions options,
            EngineOptions engine, Path out) {
        SweepJob.Options jobOptions = options.job(points);
        SweepJob job = Scenarios.job(loaded, jobOptions);
        return execute(job, engine.of(job, file, jobOptions), options.quiet, out, System.out).exitCode();
    }

    static Outcome execute(SweepJob job, boolean quiet, Path out, PrintStream stdout) {
        return execute(job, JobEngine.local(job), quiet, out, stdout);
    }

    /** The same, with the runs made by {@code engine}. */
    static Outcome execute(SweepJob job, JobEngine engine, boolean quiet, Path out, PrintStream stdout) {
        ReportDirectory directory = out == null ? null : OutputPaths.reportDirectory("--out", out);
        CountDownLatch finished = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            engine.cancel();
            try {
                finished.await(SIGNAL_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
        }, "punchsim-interrupt");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            SweepReport report;
            try (ProgressBar bar = ProgressBar.start(engine::totalRuns, engine::runsDone, "runs", () -> "", quiet)) {
                report = engine.run();
            } catch (RunFailedException e) {
                return new Outcome(null, simulatorError(job, e));
            }
            Summary.print(report, job.points().stream().map(p -> p.point().index() + 1).toList(), stdout);
            FailingRuns.print(job, report, stdout);
            RelayWarnings.explain(job, report, stdout);
            PrecisionLines.print(report, stdout);
            if (directory != null) {
                try {
                    directory.write(ReportWriter.render(report));
                } catch (IOException e) {
                    throw new BadInputException("could not write the reports to " + out + ": " + OutputPaths.describe(e), e);
                }
                stdout.println("Reports written to " + out + " (" + String.join(", ", ReportDirectory.SWEEP_FILES) + ")");
            }
            int exit;
            if (report.partial()) {
                stdout.println(String.format(java.util.Locale.ROOT,
                        "Interrupted: %,d of %,d runs, %d of %d points in full; the reports hold what finished, marked partial.",
                        report.totalSeeds(), report.plan().runs(), report.completePoints(), report.plan().points()));
                exit = ExitCode.INTERRUPTED;
            } else if (!report.passed()) {
                stdout.println("Gates failed:");
                report.failures().forEach(f -> stdout.println("  " + f));
                exit = ExitCode.GATE_FAILED;
            } else {
                exit = ExitCode.OK;
            }
            return new Outcome(report, exit);
        } finally {
            if (directory != null) {
                try {
                    directory.close();
                } catch (IOException e) {
                    System.err.println("punchsim: could not release " + out + ": " + OutputPaths.describe(e));
                }
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // Already stopping on a signal: the hook is running and sees the latch.
            }
        }
    }

    /** A run that threw: a bug in the simulator. Its point and seed, and how to replay it. */
    private static int simulatorError(SweepJob job, RunFailedException e) {
        System.err.println("punchsim: " + e.getMessage());
        System.err.println("Replay it: " + FailingRuns.traceCommand(job.scenario().file(), e.point(), e.seed()));
        System.err.println("This is a bug in the simulator; what follows is for its report.");
        e.getCause().printStackTrace(System.err);
        return ExitCode.SIMULATOR_ERROR;
    }
}
