package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
        }
        assertThat(Path.of("target/never-written")).doesNotExist();
    }
}
