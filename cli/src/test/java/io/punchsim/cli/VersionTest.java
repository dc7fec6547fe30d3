package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code -V} and {@code --version} of every command print the project version and the commit the
 * classes were built from: the one git names for this tree, or "unknown commit" without git.
 */
class VersionTest {

    static java.util.stream.Stream<String> commands() {
        return HelpExamplesTest.commands();
    }

    /** What git says HEAD is, asked independently of the build; "unknown commit" where it cannot say. */
    private static String expectedCommit() throws IOException, InterruptedException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        if (!Files.exists(root.resolve(".git"))) {
            return Version.UNKNOWN_COMMIT;
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").directory(root.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? "commit " + out : Version.UNKNOWN_COMMIT;
        } catch (IOException noGit) {
            return Version.UNKNOWN_COMMIT;
        }
    }

    @ParameterizedTest(name = "{0} --version")
    @MethodSource("commands")
    void everyCommandPrintsTheVersionAndTheCommit(String name) throws Exception {
        String[] words = name.split(" ");
        String[] args = new String[words.length];
        System.arraycopy(words, 1, args, 0, words.length - 1);
        args[words.length - 1] = words.length == 1 ? "-V" : "--version";
        Cli.Result result = Cli.run(args);
        assertThat(result.exit()).isZero();
        String version = Version.build().getProperty("version");
        assertThat(version).as("the build wrote its version").isNotBlank();
        assertThat(result.out().lines().findFirst()).as(name)
                .hasValue("punchsim " + version + " (" + expectedCommit() + ")");
    }
}
