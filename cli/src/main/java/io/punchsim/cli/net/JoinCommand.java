package io.punchsim.cli.net;

import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.realnet.RealnetMain;
import io.punchsim.realnet.peer.PeerRun;
import io.punchsim.realnet.trace.JsonLines;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "join", mixinStandardHelpOptions = true, modelTransformer = ProtocolOptions.class,
        description = {"Runs the real join state machine on a UDP socket: joins an open session as the client and connects to its host",
                "through the cloud and STUN server given. Prints each step as it happens in the JSON-lines format",
                "of `punchsim trace --format json` (\"ms\" is wall time since start), then one line with the outcome."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  connected, DIRECT or RELAYED", "  2  bad input", "  3  the connection FAILED",
                "130  interrupted by Ctrl-C (the outcome line says \"interrupted\":true)", "",
                "Example:", "  ./punchsim join --cloud 203.0.113.5:5000 --stun 203.0.113.5:3478"})
public final class JoinCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cloud", required = true, paramLabel = "HOST:PORT", converter = EndpointConverter.class,
            description = "The cloud's address (`punchsim serve-cloud`).")
    Endpoint cloud;

    @Option(names = "--stun", required = true, paramLabel = "HOST:PORT", converter = EndpointConverter.class,
            description = "The STUN server's address (`punchsim serve-stun` or any RFC 8489 server).")
    Endpoint stun;

    @Option(names = "--bind", paramLabel = "HOST:PORT", converter = EndpointConverter.class,
            description = "Local address to bind (default: the address routed toward the cloud, any port).")
    Endpoint bind;

    @Override
    public Integer call() {
        PeerRun run = new PeerRun(Role.CLIENT, cloud, stun, bind == null ? new Endpoint(0, 0) : bind,
                ProtocolOptions.config(spec));
        try {
            return RealnetMain.exitCode(run.run(new JsonLines(System.out)));
        } catch (IOException e) {
            System.err.println("punchsim: " + e.getMessage());
            return RealnetMain.FAILED;
        }
    }
}
