package io.punchsim.cli;

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
                "  2  bad input or usage (the message names the file, line and key)",
                "  3  a real-network connection ended FAILED",
                "130  interrupted; what finished was written and marked partial",
                "",
                "Example:",
                "  ./punchsim sweep scenarios/examples/fusion-default.yaml --out report"})
final class PunchsimCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PunchsimCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BadInputException) {
                commandLine.getErr().println("punchsim: " + e.getMessage());
                return ExitCode.BAD_INPUT;
            }
            throw e;
        });
        return cli;
    }
}
