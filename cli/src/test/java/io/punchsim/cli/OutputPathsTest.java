package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.punchsim.reports.format.ReportDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output path is checked before the first run: a path that cannot be written costs one line
 * and exit code 2, never a finished sweep, a stack trace or exit code 1; a second sweep into the
 * same directory is refused while the first runs.
 */
class OutputPathsTest {

    @TempDir
    Path dir;

    private Path scenario;
    private Path file;

    @BeforeEach
    void files() throws IOException {
        scenario = Files.writeString(dir.resolve("small.yaml"), "name: small\nseeds: 50\n");
        file = Files.writeString(dir.resolve("a-file"), "not a directory");
    }

    /** One line on standard error, exit 2, nothing run (no summary printed). */
    private static void refusedBeforeAnyRun(Cli.Result r, String message) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("punchsim: " + message).doesNotContain("\n");
        assertThat(r.out()).doesNotContain("runs in");
    }

    @Test
    void aFileWhereADirectoryShouldBe() {
        for (String command : new String[] {"sweep", "run"}) {
            refusedBeforeAnyRun(Cli.run(command, scenario.toString(), "--out", file.toString(), "-q"),
                    "--out " + file + ": is a file, not a directory");
        }
        refusedBeforeAnyRun(Cli.run("matrix", "--presets", "full-cone", "--seeds", "5", "--out", file.toString(), "-q"),
                "--out " + file + ": is a file, not a directory");
    }

    @Test
    void tuneAndCalibrateCheckTheirDirectoryBeforeTheWork() throws IOException {
        Path tune = Files.writeString(dir.resolve("tune.yaml"), "name: t\nseeds: 50\ntune:\n  parameters:\n"
                + "    protocol.attempt-limit: {range: [4, 10], step: 2}\n  objectives:\n    - {maximize: direct-rate}\n");
        refusedBeforeAnyRun(Cli.run("tune", tune.toString(), "--out", file.toString(), "-q"),
                "--out " + file + ": is a file, not a directory");
        refusedBeforeAnyRun(Cli.run("calibrate", "--out", file.toString(), "--seeds", "5", "-q"),
                "--out " + file + ": is a file, not a directory");
        Path under = file.resolve("calibration");
        refusedBeforeAnyRun(Cli.run("calibrate", "--out", under.toString(), "--seeds", "5", "-q"),
                "--out " + under + ": cannot create " + file + ": " + file + " is a file");
    }

    @Test
    void aPathUnderAFile() {
        Path under = file.resolve("report");
        refusedBeforeAnyRun(Cli.run("sweep", scenario.toString(), "--out", under.toString(), "-q"),
                "--out " + under + ": cannot create " + file + ": " + file + " is a file");
        Path pcap = file.resolve("run.pcap");
        Cli.Result trace = Cli.run("trace", scenario.toString(), "--seed", "1", "--pcap", pcap.toString());
        assertThat(trace.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(trace.err().strip()).isEqualTo("punchsim: --pcap " + pcap + ": cannot create " + file + ": " + file + " is a file");
        assertThat(trace.out()).as("nothing traced").isEmpty();
    }

    @Test
    void compareWritesNowhereItCannot() throws IOException {
        Cli.Result sweep = Cli.run("sweep", scenario.toString(), "--out", dir.resolve("report").toString(), "-q");
        assertThat(sweep.exit()).isEqualTo(ExitCode.OK);
        String report = dir.resolve("report/report.json").toString();
        Cli.Result compare = Cli.run("compare", report, report, "--out", file.toString());
        assertThat(compare.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(compare.err().strip()).isEqualTo("punchsim: --out " + file + ": is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void aDirectoryOfOtherFilesIsNotReplaced() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        refusedBeforeAnyRun(Cli.run("sweep", scenario.toString(), "--out", mine.toString(), "-q"),
                "--out " + mine + ": holds 'notes.txt', which punchsim did not write; reports replace the whole directory,"
                        + " so name a new or empty one");
        assertThat(Files.readString(mine.resolve("notes.txt"))).isEqualTo("keep me");
    }

    @Test
    void aReadOnlyDirectory() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root, where permissions do not stop writes; aPathUnderAFile covers an unwritable path");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Cli.Result r = Cli.run("sweep", scenario.toString(), "--out", locked.resolve("report").toString(), "-q");
            assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err()).contains("permission denied").doesNotContain("\tat ");
            assertThat(r.out()).doesNotContain("runs in");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aMissingDirectoryIsCreatedForAPcap() {
        Path pcap = dir.resolve("new/deeper/run.pcap");
        Cli.Result trace = Cli.run("trace", scenario.toString(), "--seed", "3", "--pcap", pcap.toString());
        assertThat(trace.exit()).as(trace.err()).isEqualTo(ExitCode.OK);
        assertThat(pcap).isNotEmptyFile();
        assertThat(pcap.getParent().toFile().list()).containsExactly("run.pcap");
    }

    @Test
    void aSecondSweepIntoTheSameDirectoryIsRefusedWhileTheFirstHoldsIt() throws IOException {
        Path out = dir.resolve("report");
        // Another writer holds the directory, as a sweep still running would.
        try (ReportDirectory held = ReportDirectory.open(out)) {
            refusedBeforeAnyRun(Cli.run("sweep", scenario.toString(), "--out", held.path().toString(), "-q"),
                    "--out " + out + ": another punchsim (process " + ProcessHandle.current().pid()
                            + ") is writing reports there; wait for it to finish or choose another directory");
        }
        Cli.Result after = Cli.run("sweep", scenario.toString(), "--out", out.toString(), "-q");
        assertThat(after.exit()).as(after.out() + after.err()).isEqualTo(ExitCode.OK);
        assertThat(out.resolve("report.json")).exists();
    }
}
