package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command's help shows its examples whole, each on one line, even in a terminal narrower
 * than the example; and every example is a punchsim command line that parses, naming files that
 * exist, so pasting it runs what it shows.
 */
class HelpExamplesTest {
    private static final String PROMPT = "./punchsim ";

    /** Every command of the tree but picocli's own {@code help}, by its qualified name. */
    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        collect(PunchsimCommand.commandLine(), names);
        return names.stream();
    }

    private static void collect(CommandLine command, List<String> names) {
        if (command.getCommand() instanceof CommandLine.HelpCommand) {
            return;
        }
        names.add(command.getCommandSpec().qualifiedName());
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, names));
    }

    static CommandLine find(String qualifiedName) {
        CommandLine command = PunchsimCommand.commandLine();
        for (String part : Arrays.asList(qualifiedName.split(" ")).subList(1, qualifiedName.split(" ").length)) {
            command = command.getSubcommands().get(part);
        }
        return command;
    }

    private static List<String> examples(CommandLine command) {
        return Arrays.stream(command.getCommandSpec().usageMessage().footer()).map(line -> String.format(line).strip())
                .filter(line -> line.startsWith(PROMPT)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyExampleIsPrintedWholeOnOneLineAtAnyWidth(String name) {
        CommandLine command = find(name);
        List<String> examples = examples(command);
        assertThat(examples).as("%s --help has an example", name).isNotEmpty();
        for (int width : new int[] {55, 80, 200}) {
            command.getCommandSpec().usageMessage().autoWidth(false).width(width);
            List<String> lines = command.getUsageMessage(CommandLine.Help.Ansi.OFF).lines().map(String::strip).toList();
            for (String example : examples) {
                assertThat(lines).as("%s --help at %d columns", name, width).contains(example);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyExampleParsesAndNamesFilesThatExist(String name) {
        for (String example : examples(find(name))) {
            // The shell's part of a line (a redirection, a pipe) is not the command's.
            String[] args = example.substring(PROMPT.length()).split(" [>|;&].*")[0].trim().split(" +");
            assertThatCode(() -> PunchsimCommand.commandLine().parseArgs(args)).as(example).doesNotThrowAnyException();
            for (String arg : args) {
                if (arg.startsWith("scenarios/") && !arg.contains("*")) {
                    assertThat(Path.of("..").resolve(arg)).as("%s names %s", example, arg).satisfies(p -> assertThat(Files.exists(p)).isTrue());
                }
            }
        }
    }
}
