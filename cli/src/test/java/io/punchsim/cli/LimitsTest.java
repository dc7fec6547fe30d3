package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts are checked with exact arithmetic: nothing wraps around into a small number that passes. */
class LimitsTest {

    @TempDir
    Path dir;

    private Path grid(int axes, String gates) throws IOException {
        StringBuilder text = new StringBuilder("name: big\nseeds: 10\n").append(gates).append("sweep:\n");
        for (int a = 0; a < axes; a++) {
            text.append("  protocol.axis").append(a).append(": [1, 2]\n");
        }
        return Files.writeString(dir.resolve("big-" + axes + ".yaml"), text);
    }

    @Test
    void aGridOf2To64PointsIsInvalidNotEmpty() throws IOException {
        Path file = grid(64, "");
        Cli.Result r = Cli.run("validate", file.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out()).isEqualTo("invalid " + file + "\n");
        assertThat(r.err()).contains(file + ":4:3: sweep: the grid has 18,446,744,073,709,551,616 points");
    }

    @Test
    void aGridOf2To63PointsWithAFailingGateDoesNotPass() throws IOException {
        Path file = grid(63, "gates:\n  - {metric: direct-rate, at-least: 100%}\n");
        Cli.Result r = Cli.run("sweep", file.toString(), "--out", dir.resolve("report").toString(), "-q");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("the grid has 9,223,372,036,854,775,808 points");
        assertThat(dir.resolve("report")).doesNotExist();
    }

    @Test
    void seedsAndThreadsOutOfRangeAreUsageErrors() throws IOException {
        Path file = Files.writeString(dir.resolve("small.yaml"), "seeds: 10\n");
        Cli.Result seeds = Cli.run("sweep", file.toString(), "--out", dir.resolve("r").toString(), "--seeds", "9223372036854775807");
        assertThat(seeds.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(seeds.err().strip())
                .isEqualTo("punchsim: --seeds must be within 1..100,000,000 (runs per point), got 9,223,372,036,854,775,807");
        assertThat(Cli.run("run", file.toString(), "--seeds", "100000001").exit()).isEqualTo(ExitCode.BAD_INPUT);
        for (String threads : new String[] {"0", "1025", "100000"}) {
            Cli.Result r = Cli.run("run", file.toString(), "--threads", threads);
            assertThat(r.exit()).as("--threads %s", threads).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err().strip()).isEqualTo("punchsim: --threads must be within 1..1024, got " + threads);
        }
        Cli.Result ok = Cli.run("run", file.toString(), "--threads", "1024", "--seeds", "3", "-q");
        assertThat(ok.exit()).as(ok.err()).isEqualTo(ExitCode.OK);
        assertThat(Cli.run("sweep", "--help").out()).contains("1..1024", "1..100,000,000");
    }

    @Test
    void tuneAndCalibrateHoldTheirThreadsAndSeedsToTheSameLimits() {
        String tune = Path.of("..", "scenarios", "examples", "tune-fusion.yaml").toString();
        Cli.Result tuned = Cli.run("tune", tune, "--out", dir.resolve("tune").toString(), "--threads", "1025", "-q");
        assertThat(tuned.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(tuned.err().strip()).isEqualTo("punchsim: --threads must be within 1..1024, got 1025");
        Cli.Result threads = Cli.run("calibrate", "--out", dir.resolve("c").toString(), "--threads", "100000", "-q");
        assertThat(threads.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(threads.err().strip()).isEqualTo("punchsim: --threads must be within 1..1024, got 100000");
        Cli.Result seeds = Cli.run("calibrate", "--out", dir.resolve("c").toString(), "--seeds", "100000001", "-q");
        assertThat(seeds.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(seeds.err().strip()).isEqualTo("punchsim: --seeds must be within 1..100,000,000 (runs per point), got 100,000,001");
        assertThat(dir.resolve("tune")).doesNotExist();
        assertThat(dir.resolve("c")).doesNotExist();
    }
}
