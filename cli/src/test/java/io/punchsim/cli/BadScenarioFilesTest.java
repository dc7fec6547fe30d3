package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad scenario file makes every command that reads it exit 2, with the file, line and key of
 * the problem in the message, and nothing run. The expected positions are read off the fixtures.
 */
class BadScenarioFilesTest {
    private static final Path BAD = Path.of("..", "scenarios", "src", "test", "resources", "bad");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "syntax-error.yaml      | :4:                            | ",
            "unknown-key.yaml       | :4:3: protocol.attempt-limt:    | did you mean 'attempt-limit'",
            "wrong-type.yaml        | :2:8: seeds:                   | ",
            "out-of-range.yaml      | :3:18: protocol.attempt-limit: | ",
            "empty.yaml             | :1:1:                          | ",
            "mix-weights.yaml       | :3:                            | sum",
            "bare-duration.yaml     | :3:21: protocol.attempt-interval: | ",
            "unknown-preset.yaml    | :3:8: host.nat:                | ",
            "sweep-unknown-key.yaml | :3:3:                          | atempt-interval",
            "bad-sweep-value.yaml   | :8:7:                          | ",
            "nat-conflict.yaml      | :3:44: host.nat.mapping:       | address-and-port-dependent",
            "alias-bomb.yaml        | :6:36: e[7]:                   | more than 100000 values",
            "binary-tag.yaml        | :2:8: seeds:                   | tag !!binary",
            "unknown-tag.yaml       | :3:8: host.nat:                | tag !preset",
            "invalid-utf8.yaml      | :2:10:                         | byte offset 89",
            "deep-nesting.yaml      | :3:70: host.nat[0]             | nested more than 64",
            "mix-two-bad-options.yaml | :6:34: host.nat.mix[1].weight: | ",
            "sweep-and-base-errors.yaml | :5:3: protocol.atempt-interval: | ",
    })
    void validateRunAndSweepExitTwoNamingFileLineAndKey(String file, String position, String hint) {
        String path = BAD.resolve(file).toString();
        for (String[] args : new String[][] {
                {"validate", path}, {"run", path, "-q"}, {"sweep", path, "--out", "target/never-written", "-q"}}) {
            Cli.Result result = Cli.run(args);
            assertThat(result.exit()).as("%s %s: %s", args[0], file, result.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(result.err()).as(args[0]).contains(path + position.strip());
            if (hint != null) {
                assertThat(result.err()).containsIgnoringCase(hint.strip());
            }
            assertNoStackTrace(result);
        }
        assertThat(Path.of("target/never-written")).doesNotExist();
    }

    @Test
    void aDirectoryAFileTooBigAndAMissingFileEachSayWhatTheyAre(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "description: \"" + "x".repeat(2 << 20) + "\"\n");
        Path missing = dir.resolve("missing.yaml");
        for (String[] expected : new String[][] {
                {dir.toString(), dir + ":1:1: is a directory, not a scenario file"},
                {big.toString(), big + ":1:1: the file has " + Files.size(big) + " bytes; a scenario file holds at most 1048576 (1 MiB)"},
                {missing.toString(), missing + ":1:1: no such file"}}) {
            for (String[] args : new String[][] {{"validate", expected[0]}, {"run", expected[0], "-q"}}) {
                Cli.Result result = Cli.run(args);
                assertThat(result.exit()).as("%s %s", args[0], expected[0]).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(result.err().lines()).as(args[0]).anySatisfy(line -> assertThat(line).endsWith(expected[1]));
                assertNoStackTrace(result);
            }
        }
    }

    private static void assertNoStackTrace(Cli.Result result) {
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.out()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
