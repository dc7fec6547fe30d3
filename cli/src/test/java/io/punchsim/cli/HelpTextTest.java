package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

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

    /** At any terminal width, the description's words come out whole: no file name split at its dot. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void descriptionsBreakOnlyAtSpaces(String name) {
        for (int width : WIDTHS) {
            CommandLine command = atWidth(name, width);
            var usage = command.getCommandSpec().usageMessage();
            List<String> words = Stream.of(usage.description()).map(String::format)
                    .flatMap(line -> Stream.of(line.strip().split("\\s+"))).toList();
            String rendered = command.getHelpSectionMap().get(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION)
                    .render(command.getHelp());
            assertThat(rendered.strip().split("\\s+")).as("%s at width %d", name, width).containsExactlyElementsOf(words);
            assertThat(rendered.lines()).as("%s at width %d", name, width)
                    .allSatisfy(line -> assertThat(line.length() <= width || !line.strip().contains(" ")).isTrue());
        }
    }

    /** At any terminal width, every option's description comes out in whole words, however it wraps. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void optionDescriptionsBreakOnlyAtSpaces(String name) {
        for (int width : WIDTHS) {
            CommandLine command = atWidth(name, width);
            String rendered = command.getHelp().optionList();
            // A word longer than the description column cannot be kept whole; picocli cuts it.
            CommandLine.Help.TextTable table = command.getHelp().createDefaultLayout().textTable();
            CommandLine.Help.Column column = table.columns()[table.columns().length - 1];
            int room = column.width - column.indent - table.indentWrappedLines;
            java.util.Set<String> tokens = new java.util.HashSet<>(List.of(rendered.strip().split("\\s+")));
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                for (String line : option.description()) {
                    for (String word : HelpParagraphs.formatted(line).strip().split("\\s+")) {
                        if (!word.isEmpty() && !word.contains("${") && word.length() <= room) {
                            assertThat(tokens).as("%s at width %d: %s of %s", name, width, word, option.longestName()).contains(word);
                        }
                    }
                }
            }
            assertThat(rendered.lines()).as("%s at width %d", name, width)
                    .allSatisfy(l -> assertThat(l.length() <= width || !l.strip().contains(" ")).as(l).isTrue());
        }
    }

    /** At any terminal width, the usage line keeps each option with its value whole, e.g. {@code --listen=HOST:PORT}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theUsageLineBreaksOnlyBetweenOptions(String name) {
        for (int width : WIDTHS) {
            CommandLine command = atWidth(name, width);
            String synopsis = command.getHelp().synopsis(0);
            String joined = synopsis.replaceAll("\\s+", " ");
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                if (option.arity().max() > 0 && !option.hidden()) {
                    assertThat(joined).as("%s at width %d:%n%s", name, width, synopsis)
                            .contains(option.longestName() + "=" + option.paramLabel());
                }
            }
            assertThat(synopsis.lines()).as("%s at width %d", name, width)
                    .allSatisfy(l -> assertThat(l.length() <= width || !l.strip().contains(" ")).as(l).isTrue());
        }
    }

    private static final int[] WIDTHS = {55, 80, 100, 132};

    /** The command, its help laid out at {@code width} columns whatever the terminal. */
    private static CommandLine atWidth(String name, int width) {
        CommandLine command = HelpExamplesTest.find(name);
        command.setUsageHelpAutoWidth(false);
        command.setUsageHelpWidth(width);
        return command;
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
