package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.RunFailedException;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep's console names a failing run of each point with failures as a command one can paste,
 * and that command replays a run that failed.
 */
class FailingSeedsTest {

    // The client behind a UDP-blocking NAT a fifth of the time: those runs fail, the others do not.
    private static final String SCENARIO = """
            name: some-fail
            seeds: 120
            client:
              nat: {full-cone: 0.8, udp-blocked: 0.2}
            sweep:
              protocol.attempt-limit: [4, 10]
            """;

    @TempDir
    Path dir;

    @Test
    void eachPointWithFailuresPrintsACommandThatReplaysAFailedRun() throws Exception {
        Path file = Files.writeString(dir.resolve("some-fail.yaml"), SCENARIO);
        Cli.Result sweep = Cli.run("sweep", file.toString(), "--out", dir.resolve("report").toString(), "-q");
        assertThat(sweep.exit()).as(sweep.out() + sweep.err()).isEqualTo(ExitCode.OK);
        List<String> commands = sweep.out().lines().filter(l -> l.startsWith("  ./punchsim trace ")).toList();
        assertThat(commands).as(sweep.out()).hasSize(2);
        for (int k = 1; k <= 2; k++) {
            String line = commands.get(k - 1);
            assertThat(line).startsWith("  ./punchsim trace " + file + " --point " + k + " --seed ")
                    .contains("# protocol.attempt-limit=" + (k == 1 ? 4 : 10) + ": ");
            // Paste it: the words before the comment, without the launcher.
            String[] words = line.strip().split("\\s+#")[0].split("\\s+");
            Cli.Result trace = Cli.run(Arrays.copyOfRange(words, 1, words.length));
            assertThat(trace.exit()).as(String.join(" ", words) + "\n" + trace.err()).isEqualTo(ExitCode.OK);
            assertThat(trace.out()).as(String.join(" ", words)).contains("FAILED");
        }
        assertThat(Files.readString(dir.resolve("report/report.json"))).contains("\"exampleSeeds\"");
    }

    @Test
    void aCrashedRunIsNamedWithTheCommandThatReplaysIt() throws Exception {
        var loaded = ScenarioLoader.load("some-fail.yaml", SCENARIO);
        SweepPoint second = loaded.points().get(1);
        RunFailedException crash = new RunFailedException(second, 42, new IllegalStateException("boom"));
        assertThat(crash).hasMessageContaining("seed 42 of sweep point 2 (protocol.attempt-limit=10)");
        assertThat(FailingRuns.traceCommand("some-fail.yaml", crash.point(), crash.seed()))
                .isEqualTo("./punchsim trace some-fail.yaml --point 2 --seed 42");
        assertThat(FailingRuns.traceCommand("my scenarios/it's.yaml", new SweepPoint(0, Map.of(), loaded.base()), -3))
                .isEqualTo("./punchsim trace 'my scenarios/it'\\''s.yaml' --seed -3");
    }
}
