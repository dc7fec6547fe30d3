package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's help text is printed as written: picocli formats each description line, so a
 * bare percent sign makes it warn and print the line raw; and the command list shows each
 * subcommand by its first description line, which must be a whole sentence.
 */
class HelpTextTest {

    static Stream<String> commands() {
        return HelpExamplesTest.commands();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyDescriptionLineFormats(String name) {
        Stream.of(HelpExamplesTest.find(name).getCommandSpec().usageMessage().description()).forEach(line -> assertThatCode(() -> String.format(line)).as("%s: %s", name, line).doesNotThrowAnyException());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theSummaryInTheCommandListIsAWholeSentence(String name) {
        String[] description = HelpExamplesTest.find(name).getCommandSpec().usageMessage().description();
        assertThat(description).as(name).isNotEmpty();
        assertThat(description[0]).as("%s: the first line of its description", name).matches("(?s).*[.!?]");
    }

    @Test
    void noCommandIsAUsageErrorAndHelpIsNot() {
        Cli.Result bare = Cli.run();
        assertThat(bare.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bare.out()).isEmpty();
        assertThat(bare.err()).startsWith("punchsim: no command given").contains("Usage: punchsim", "sweep");
        Cli.Result help = Cli.run("--help");
        assertThat(help.exit()).isEqualTo(ExitCode.OK);
        assertThat(help.out()).contains("Usage: punchsim", "sweep");
    }
}
