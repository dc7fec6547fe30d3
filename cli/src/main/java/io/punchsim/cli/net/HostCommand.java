package io.punchsim.cli.net;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.realnet.peer.PeerRun;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

@Command(name = "host", mixinStandardHelpOptions = true, modelTransformer = HostCommand.Options.class,
        description = {"Runs the real host state machine on a UDP socket: creates a session as the host (server peer) and serves the",
                "clients the cloud pairs with it (--clients, default 1) through the cloud and STUN server given. Prints each step",
                "as it happens in the JSON-lines format of `punchsim trace --format json` (\"ms\" is wall time since start), then",
                "one line per client (\"client\", \"outcome\", \"reason\", \"path\", \"connectMsFromK2\") and a summary line with the outcome."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  connected, DIRECT or RELAYED (with --clients: every client)", "  2  bad input, or the --bind address is in use or not this machine's",
                "  3  the connection FAILED (with --clients: any client's)",
                "130  interrupted by Ctrl-C (the outcome line says \"interrupted\":true)", "",
                "Examples:", "  ./punchsim host --cloud 203.0.113.5:5000 --stun 203.0.113.5:3478",
                "  ./punchsim host --cloud 203.0.113.5:5000 --stun 203.0.113.5:3478 --clients 3"})
public final class HostCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PeerEndpoints peer;

    /** The protocol's flags, and {@code --clients} with the help and range the real host declares. */
    static final class Options implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            new ProtocolOptions().transform(spec);
            spec.addOption(OptionSpec.builder(PeerRun.CLIENTS_FLAG).type(String.class).paramLabel("N").arity("1")
                    .description(PeerRun.CLIENTS_HELP).build());
            return spec;
        }
    }

    @Override
    public Integer call() {
        ProtocolConfig config = ProtocolOptions.config(spec);
        return peer.run(Role.HOST, config, clients(config));
    }

    /** The clients {@code --clients} asks for (1 without it); more than the session holds is a usage error (exit code 2). */
    int clients(ProtocolConfig config) {
        String text = spec.findOption(PeerRun.CLIENTS_FLAG).getValue();
        try {
            int clients = text == null ? 1 : PeerRun.clients(text);
            PeerRun.checkClients(clients, config);
            return clients;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
