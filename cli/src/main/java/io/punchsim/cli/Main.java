package io.punchsim.cli;

import picocli.CommandLine;

/** Entry point of the punchsim command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(PunchsimCommand.commandLine().execute(args));
    }
}
