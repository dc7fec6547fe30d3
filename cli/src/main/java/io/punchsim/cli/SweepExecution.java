package io.punchsim.cli;

import io.punchsim.reports.format.ReportWriter;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.run.PreparedPoint;
import io.punchsim.scenarios.run.SweepRunner;
import io.punchsim.scenarios.run.Sweeps;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a loaded scenario's points with a progress bar, stops cleanly on Ctrl-C (what finished is
 * written, marked partial), judges the gates and writes the reports.
 */
final class SweepExecution {
    private SweepExecution() {}

    record Outcome(SweepReport report, int exitCode) {}

    static Outcome execute(LoadedScenario loaded, List<PreparedPoint> points, RunOptions options, Path out,
            PrintStream stdout) {
        long seeds = options.seeds(loaded.base().seeds());
        int threads = options.threads();
        SweepRunner runner = new SweepRunner(threads);
        CountDownLatch written = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            runner.cancel();
            try {
                // Let the main thread write what finished before the JVM goes.
                written.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "punchsim-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            SweepRunner.Result result;
            try (ProgressBar bar = ProgressBar.start(seeds * points.size(), runner::runsDone, options.quiet)) {
                result = runner.run(points, seeds);
            }
            SweepReport report = SweepReport.judge(Sweeps.identity(loaded), Sweeps.gates(loaded), result.points(),
                    result.partial(), WallClock.ofThisMachine(result.seconds(), result.runs(), threads));
            if (out != null) {
                try {
                    ReportWriter.write(out, report);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not write the reports to " + out + ": " + e.getMessage(), e);
                }
            }
            Summary.print(report, result, stdout);
            if (out != null) {
                stdout.println("Reports written to " + out + " (report.json, report.md, report.html, junit.xml, report.csv)");
            }
            int exit;
            if (result.partial()) {
                stdout.println("Interrupted: the reports hold the " + result.runs() + " runs that finished, marked partial.");
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
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Already shutting down on Ctrl-C: the hook is running and sees the latch.
            }
        }
    }
}
