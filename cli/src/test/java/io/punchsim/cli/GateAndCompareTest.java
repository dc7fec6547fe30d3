package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate and the comparison judged end to end through the command: a deliberately worse protocol
 * (3 attempts instead of 10 on a lossy direct path) fails the scenario's gate and is flagged as a
 * regression; the unchanged scenario with another root seed is not.
 */
class GateAndCompareTest {

    private static final String SCENARIO = """
            name: gate-check
            seeds: 3000
            root-seed: %d
            host: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s}
            client: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s, join-delay: 0s}
            network:
              cloud: {latency: 30ms}
              peer-path: {latency: 5ms, loss: 40%%}
            protocol: {attempt-limit: %d}
            gates:
              - {metric: direct-rate, at-least: 80%%, judged-on: interval}
              - {metric: failed-rate, at-most: 1%%}
            """;

    @TempDir
    static Path dir;

    private static Cli.Result baseline;

    @BeforeAll
    static void runBaseline() throws IOException {
        baseline = sweep("baseline", 1, 10);
    }

    @Test
    void theDefaultLimitPassesItsGates() {
        // 7 direct attempts at (1 - 0.4)^2 = 0.36 each: 1 - 0.64^7 = 0.956 direct.
        assertThat(baseline.exit()).as(baseline.out() + baseline.err()).isEqualTo(ExitCode.OK);
        assertThat(dir.resolve("baseline/junit.xml")).exists();
    }

    @Test
    void aWorseLimitFailsTheGateAndCompareFlagsARegression() throws IOException {
        // 3 attempts, 2 of them direct: 1 - 0.64^2 = 0.59 direct.
        Cli.Result worse = sweep("worse", 1, 3);
        assertThat(worse.exit()).as(worse.out()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(worse.out()).contains("Gates failed", "direct-rate");
        assertThat(Files.readString(dir.resolve("worse/junit.xml"))).contains("<failure");

        Cli.Result compare = Cli.run("compare", dir.resolve("baseline/report.json").toString(),
                dir.resolve("worse/report.json").toString(), "--out", dir.resolve("compare-worse").toString());
        assertThat(compare.exit()).as(compare.out() + compare.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(compare.out()).contains("WORSE", "direct-rate");
        // The attempt limit is part of the resolved content: the console says so, as compare.md does.
        assertThat(compare.out()).contains("resolved content differs");
        assertThat(Files.readString(dir.resolve("compare-worse/compare.md"))).contains("resolved content differs");
    }

    @Test
    void aReportComparedWithItselfHasTheSameContent() {
        String report = dir.resolve("baseline/report.json").toString();
        Cli.Result compare = Cli.run("compare", report, report);
        assertThat(compare.exit()).isEqualTo(ExitCode.OK);
        assertThat(compare.out()).contains("No significant change.").doesNotContain("content differs");
    }

    @Test
    void anotherRootSeedIsNotARegression() throws IOException {
        Cli.Result again = sweep("again", 777, 10);
        assertThat(again.exit()).isEqualTo(ExitCode.OK);
        Cli.Result compare = Cli.run("compare", dir.resolve("baseline/report.json").toString(),
                dir.resolve("again/report.json").toString());
        assertThat(compare.exit()).as(compare.out() + compare.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void reportsOfDifferentScenariosAreNotCompared() throws IOException {
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "name: something-else\nseeds: 200\n");
        Cli.Result sweep = Cli.run("sweep", other.toString(), "--out", dir.resolve("other").toString(), "-q");
        assertThat(sweep.exit()).isEqualTo(ExitCode.OK);
        Cli.Result compare = Cli.run("compare", dir.resolve("baseline/report.json").toString(),
                dir.resolve("other/report.json").toString());
        assertThat(compare.exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    private static Cli.Result sweep(String name, long rootSeed, int limit) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, SCENARIO.formatted(rootSeed, limit));
        return Cli.run("sweep", file.toString(), "--out", dir.resolve(name).toString(), "-q");
    }
}
