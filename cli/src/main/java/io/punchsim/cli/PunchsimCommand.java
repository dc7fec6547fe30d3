package io.punchsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code punchsim} command: it only dispatches to its subcommands. */
@Command(
        name = "punchsim",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
                "Simulates how game peers connect through NATs: the real connection code on a virtual network,",
                "over thousands of seeds, reporting direct, relayed and failed rates and connect times."},
        subcommands = {
                ValidateCommand.class,
                RunCommand.class,
                SweepCommand.class,
                TuneCommand.class,
                MatrixCommand.class,
                PresetsCommand.class,
                PopulationsCommand.class,
                CalibrateCommand.class,
                TraceCommand.class,
                CompareCommand.class,
                SchemaCommand.class,
                io.punchsim.cli.net.ServeCloudCommand.class,
                io.punchsim.cli.net.ServeStunCommand.class,
                io.punchsim.cli.net.HostCommand.class,
                io.punchsim.cli.net.JoinCommand.class,
                io.punchsim.cli.net.ClassifyCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success; every gate passed",
                "  1  a gate failed, or compare found a significant regression",
                "  2  bad input or usage (the message names the file, line and key), an",
                "     output path that cannot be written, a partial report given to compare",
                "  3  a real-network connection ended FAILED",
                "  4  a run threw inside the simulator (a bug); the message names its seed",
                "130  interrupted (SIGINT, SIGTERM); what finished was written, marked partial",
                "",
                "Example:",
                "  ./punchsim sweep scenarios/examples/fusion-default.yaml --out report"})
final class PunchsimCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * No command given: a usage error, as picocli makes a missing required subcommand, so a script
     * that drops its command by mistake fails instead of passing on a help page; {@code --help}
     * prints the same page and succeeds.
     */
    @Override
    public Integer call() {
        System.err.println("punchsim: no command given; choose one of the commands below");
        spec.commandLine().usage(System.err);
        return ExitCode.BAD_INPUT;
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PunchsimCommand());
        // Descriptions fill the terminal's width; the footers' examples are never wrapped at all.
        cli.setUsageHelpAutoWidth(true);
        // Option descriptions, like the commands', break only at spaces: no file name split at its dot.
        cli.setHelpFactory(new SpaceWrappingHelp());
        everyCommand(cli, command -> {
            command.getCommandSpec().versionProvider(new Version());
            var usage = command.getCommandSpec().usageMessage();
            usage.description(HelpParagraphs.of(usage.description()));
            command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpParagraphs::render);
            command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, PunchsimCommand::verbatimFooter);
        });
        // Commands run in scripts, CI logs and beside servers' logs: a bad option is one line
        // naming the option and where the help is, as every other bad input is, not the option's
        // message above the whole usage page (host and join list every protocol flag).
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("punchsim " + command.getCommandName() + ": " + e.getMessage()
                    + " (see ./punchsim " + command.getCommandName() + " --help)");
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BadInputException) {
                commandLine.getErr().println("punchsim: " + e.getMessage());
                return ExitCode.BAD_INPUT;
            }
            // Any other I/O error is one line too, never a stack trace.
            IOException io = e instanceof IOException direct ? direct
                    : e instanceof UncheckedIOException unchecked ? unchecked.getCause() : null;
            if (io != null) {
                commandLine.getErr().println("punchsim: " + (io instanceof FileSystemException fs && fs.getFile() != null
                        ? fs.getFile() + ": " : "") + OutputPaths.describe(io));
                return ExitCode.BAD_INPUT;
            }
            throw e;
        });
        return cli;
    }

    private static void everyCommand(CommandLine command, java.util.function.Consumer<CommandLine> action) {
        action.accept(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> everyCommand(sub, action));
    }

    /**
     * The footer line by line as written, however narrow the terminal: an example wrapped onto two
     * lines would run half a command when pasted.
     */
    static String verbatimFooter(CommandLine.Help help) {
        StringBuilder footer = new StringBuilder();
        for (String line : help.commandSpec().usageMessage().footer()) {
            footer.append(String.format(line)).append(System.lineSeparator());
        }
        return footer.toString();
    }
}
