package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** punchsim tune end to end, and --precision on sweep: what is printed, written and returned. */
class TuneCommandTest {

    // Every attempt direct with 50% loss each way: the direct rate is 1 - 0.75^L.
    private static final String SCENARIO = """
            name: tune-cli
            root-seed: 4
            host: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s}
            client: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s, join-delay: 0s}
            network:
              peer-path: {latency: 5ms, loss: 50%}
            protocol: {direct-fraction: 1}
            precision: {half-width: 4%, metrics: [direct-rate], batch: 128}
            tune:
              parameters:
                protocol.attempt-interval: [100ms, 300ms]
                protocol.attempt-limit: {range: [2, 6], step: 2}
              objectives:
                - {maximize: direct-rate}
                - {minimize: connect-time-p95}
              constraints:
                - {metric: direct-rate, at-least: 60%}
              choose: {minimize: connect-time-p95}
            """;

    @TempDir
    static Path dir;

    private static Path file;
    private static Cli.Result tune;

    @BeforeAll
    static void tune() throws Exception {
        file = dir.resolve("tune-cli.yaml");
        Files.writeString(file, SCENARIO);
        tune = Cli.run("tune", file.toString(), "--out", dir.resolve("tune").toString(), "--threads", "2", "-q");
    }

    @Test
    void itPrintsTheFrontAndTheRecommendationWithItsReasonAndWritesEveryFile() throws Exception {
        assertThat(tune.exit()).as(tune.out() + tune.err()).isEqualTo(ExitCode.OK);
        // 1 - 0.75^2 = 0.44 is below 60%, 1 - 0.75^4 = 0.68 above: the least limit that passes, at the shorter interval.
        assertThat(tune.out()).contains("Front: ").contains("attempt-interval  attempt-limit")
                .contains("Recommended: protocol.attempt-interval=100ms, protocol.attempt-limit=4: the lowest connect-time-p95")
                .contains("Race: ").contains("Files written to");
        for (String name : new String[] {"tune.json", "tune.md", "tune.html", "front.svg", "front.yaml"}) {
            assertThat(dir.resolve("tune").resolve(name)).exists();
        }
        Cli.Result front = Cli.run("sweep", dir.resolve("tune/front.yaml").toString(), "--out", dir.resolve("front").toString(), "-q");
        assertThat(front.exit()).as(front.out() + front.err()).isEqualTo(ExitCode.OK);
        assertThat(front.out()).contains("Precision: direct-rate to a 95% half-width of 4%");
    }

    @Test
    void theFullGridRunsEveryCandidate() {
        Cli.Result grid = Cli.run("tune", file.toString(), "--out", dir.resolve("grid").toString(), "--full-grid", "-q");
        assertThat(grid.exit()).as(grid.out() + grid.err()).isEqualTo(ExitCode.OK);
        assertThat(grid.out()).contains("Full grid: 6 candidates to the precision");
    }

    @Test
    void aFileWithoutATuneOrNothingFeasibleSaysSo() throws Exception {
        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, "seeds: 10\n");
        Cli.Result none = Cli.run("tune", plain.toString(), "--out", dir.resolve("none").toString(), "-q");
        assertThat(none.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(none.err()).contains(plain + ": there is no tune: section to tune");

        Path impossible = dir.resolve("impossible.yaml");
        Files.writeString(impossible, SCENARIO.replace("at-least: 60%", "at-least: 99%"));
        Cli.Result nothing = Cli.run("tune", impossible.toString(), "--out", dir.resolve("nothing").toString(), "-q");
        assertThat(nothing.exit()).as(nothing.out() + nothing.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(nothing.out()).contains("No recommendation: no evaluated setting meets every constraint (direct-rate at-least 99%");
    }

    @Test
    void sweepRunsToAPrecisionGivenOnTheCommandLineAndSaysWhereEachPointStopped() throws Exception {
        Cli.Result sweep = Cli.run("sweep", file.toString(), "--out", dir.resolve("precise").toString(), "--precision", "5%", "-q");
        assertThat(sweep.exit()).as(sweep.out() + sweep.err()).isEqualTo(ExitCode.OK);
        assertThat(sweep.out()).contains("Precision: direct-rate, relayed-rate, failed-rate, success-rate and upgraded-rate to a 95%"
                + " half-width of 5%,"
                + " in batches of 128 seeds");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("precise/report.json").toFile());
        assertThat(report.get("precision").get("halfWidth").asDouble()).isEqualTo(0.05);
        assertThat(report.get("points").get(0).get("precision").get("stoppedBecause").asText()).isEqualTo("precise");

        Cli.Result both = Cli.run("sweep", file.toString(), "--out", dir.resolve("both").toString(), "--precision", "5%",
                "--seeds", "100", "-q");
        assertThat(both.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(both.err()).contains("--seeds and --precision both say how many seeds to run");
        Cli.Result zero = Cli.run("run", file.toString(), "--precision", "0%", "-q");
        assertThat(zero.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(zero.err()).contains("--precision: out of range: 0% is not within (0%, 50%]");
        Cli.Result over = Cli.run("run", file.toString(), "--precision", "150%", "-q");
        assertThat(over.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(over.err()).contains("--precision: out of range: 150% is not within (0%, 50%]");
    }
}
