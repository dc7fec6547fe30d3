package io.punchsim.cli.net;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.StunServer;
import io.punchsim.realnet.RealnetMain;
import io.punchsim.realnet.stun.StunService;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve-stun", mixinStandardHelpOptions = true,
        description = {"Runs a STUN server (RFC 8489) on real UDP sockets until Ctrl-C.",
                "With --other it also binds the alternate address and answers the RFC 5780 attributes",
                "(CHANGE-REQUEST, RESPONSE-ORIGIN, OTHER-ADDRESS), which `punchsim classify` needs.",
                "Prints one JSON line per bound socket: {\"ms\":...,\"role\":\"stun\",\"listening\":\"HOST:PORT\"}."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  stopped by Ctrl-C", "  2  bad input, or an address is in use or not this machine's", "  3  any other socket error", "",
                "Examples:", "  ./punchsim serve-stun --listen 0.0.0.0:3478",
                "  ./punchsim serve-stun --listen 192.0.2.10:3478 --other 192.0.2.11:3479"})
public final class ServeStunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", converter = EndpointConverter.class,
            description = "Primary address to bind (port 0 picks one, without --other).")
    Endpoint listen;

    @Option(names = "--other", paramLabel = "HOST:PORT", converter = EndpointConverter.class,
            description = "RFC 5780 alternate address: another IP of this machine and another port.")
    Endpoint other;

    @Option(names = "--software", paramLabel = "TEXT", defaultValue = StunServer.DEFAULT_SOFTWARE,
            description = "SOFTWARE attribute of the answers (default: ${DEFAULT-VALUE}).")
    String software;

    @Option(names = "--changed-answers-per-minute", paramLabel = "N",
            defaultValue = "" + StunServer.DEFAULT_CHANGED_ANSWERS_PER_MINUTE,
            description = "With --other: answers per source IP address and minute (default: ${DEFAULT-VALUE}) from another"
                    + " address or port than the one asked (CHANGE-REQUEST), or to another port (RESPONSE-PORT); the rest go"
                    + " unanswered, so a forged source cannot aim the server at a third party. The budgets of"
                    + " ${sys:punchsim.stun-sources} addresses are remembered; while all of them are refilling, a new address"
                    + " gets none until one is whole again.")
    int changedAnswersPerMinute;

    @Override
    public Integer call() throws IOException {
        StunService service;
        try {
            service = new StunService(listen, other, software, changedAnswersPerMinute);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            return RealnetMain.serveStun(service, System.out);
        } catch (IOException e) {
            System.err.println("punchsim: " + e.getMessage());
            return RealnetMain.exitCode(e);
        }
    }

    // For the help text: the limit as the code has it.
    static {
        System.setProperty("punchsim.stun-sources", String.format(java.util.Locale.ROOT, "%,d", StunServer.SOURCES_REMEMBERED));
    }
}
