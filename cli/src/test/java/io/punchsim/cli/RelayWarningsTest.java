package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting whose relay attempts start after the host's listen timeout is legal, so validate only
 * warns about it (exit 0), and a sweep says why such a point failed. The points are worked out from
 * the spec: the first relay attempt is ceil(f x L), sent that many intervals after K1.
 */
class RelayWarningsTest {

    @Test
    void validateWarnsOfTheTuneExamplesPointsThatCannotRelayAndStillExitsZero() {
        Path file = Path.of("..", "scenarios", "examples", "tune-interval-limit.yaml");
        Cli.Result result = Cli.run("validate", file.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        List<String> warnings = result.out().lines().filter(l -> l.startsWith("warning ")).toList();
        // Of T in {250ms, 500ms, 1s} x L in {6, 10, 16} x f in {1/2, 2/3, 5/6}, only T = 1 s, L = 16 sends its
        // first relay attempt at or after 10 s: 2/3 -> attempt 11 (11 s), 5/6 -> attempt 14 (14 s); 1/2 -> 8 s.
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("point 26 (protocol.attempt-interval=1s, protocol.attempt-limit=16, protocol.direct-fraction=2/3)")
                .contains("attempt 11").contains("leaves 11 s after K1").contains("10 s after K2");
        assertThat(warnings.get(1)).contains("point 27").contains("attempt 14").contains("14 s");
    }

    @Test
    void aSweepExplainsWhyAPointThatCannotRelayFailedEveryRun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("relay.yaml");
        Files.writeString(file, """
                seeds: 20
                host: {nat: symmetric}
                sweep:
                  protocol.attempt-interval: [500ms, 1s]
                  protocol.attempt-limit: [10, 16]
                """);
        Cli.Result result = Cli.run("sweep", file.toString(), "--out", dir.resolve("out").toString(), "-q");
        List<String> notes = result.out().lines().filter(l -> l.startsWith("Point ")).toList();
        // A symmetric host relays every run (SPEC 3); only point 4 (1 s x 16) cannot.
        assertThat(notes).singleElement().satisfies(l -> assertThat(l)
                .startsWith("Point 4: 20 of 20 runs failed; the first relay attempt (attempt 11) leaves 11 s after K1"));
    }
}
