package io.punchsim.cli;

import io.punchsim.reports.format.ReportWriter;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.run.SweepJob;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The command-line side of running a sweep job: a progress bar, a clean stop on Ctrl-C (what
 * finished is written, marked partial), the reports written, the summary printed, the exit code.
 */
final class SweepExecution {
    private SweepExecution() {}

    record Outcome(SweepReport report, int exitCode) {}

    static Outcome execute(SweepJob job, boolean quiet, Path out, PrintStream stdout) {
        CountDownLatch written = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            job.cancel();
            try {
                // Let the main thread write what finished before the JVM goes.
                written.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "punchsim-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            SweepReport report;
            try (ProgressBar bar = ProgressBar.start(job::totalRuns, job::runsDone, "runs", () -> "", quiet)) {
                report = job.run();
            }
            if (out != null) {
                try {
                    ReportWriter.write(out, report);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not write the reports to " + out + ": " + e.getMessage(), e);
                }
            }
            Summary.print(report, stdout);
            PrecisionLines.print(report, stdout);
            if (out != null) {
                stdout.println("Reports written to " + out + " (report.json, report.md, report.html, junit.xml, report.csv)");
            }
            int exit;
            if (report.partial()) {
                stdout.println("Interrupted: the reports hold the " + report.totalRuns() + " runs that finished, marked partial.");
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
