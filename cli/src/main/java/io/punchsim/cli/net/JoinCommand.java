package io.punchsim.cli.net;

import io.punchsim.protocol.event.Role;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "join", mixinStandardHelpOptions = true, modelTransformer = ProtocolOptions.class,
        description = {"Runs the real join state machine on a UDP socket: joins an open session as the client and connects to its host",
                "through the cloud and STUN server given. Prints each step as it happens in the JSON-lines format",
                "of `punchsim trace --format json` (\"ms\" is wall time since start), then one line with the outcome."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  connected, DIRECT or RELAYED", "  2  bad input, or the --bind address is in use or not this machine's", "  3  the connection FAILED",
                "130  interrupted by Ctrl-C (the outcome line says \"interrupted\":true)", "",
                "Example:", "  ./punchsim join --cloud 203.0.113.5:5000 --stun 203.0.113.5:3478"})
public final class JoinCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PeerEndpoints peer;

    @Override
    public Integer call() {
        return peer.run(Role.CLIENT, ProtocolOptions.config(spec));
    }
}
