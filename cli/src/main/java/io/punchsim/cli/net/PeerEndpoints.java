package io.punchsim.cli.net;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.realnet.RealnetMain;
import io.punchsim.realnet.peer.PeerRun;
import io.punchsim.realnet.trace.JsonLines;
import java.io.IOException;
import picocli.CommandLine.Option;

/** What {@code host} and {@code join} share: where the cloud and STUN server are, and running the peer. */
final class PeerEndpoints {

    @Option(names = "--cloud", required = true, paramLabel = "HOST:PORT", converter = EndpointConverter.Destination.class,
            description = "The cloud's address (`punchsim serve-cloud`).")
    Endpoint cloud;

    @Option(names = "--stun", required = true, paramLabel = "HOST:PORT", converter = EndpointConverter.Destination.class,
            description = "The STUN server's address (`punchsim serve-stun` or any RFC 8489 server).")
    Endpoint stun;

    @Option(names = "--bind", paramLabel = "HOST:PORT", converter = EndpointConverter.class,
            description = "Local address to bind (default: the address routed toward the cloud, any port).")
    Endpoint bind;

    /** Runs the peer to its outcome, printing its steps as JSON lines, and returns the exit code. */
    int run(Role role, ProtocolConfig config) {
        return run(role, config, 1);
    }

    /**
     * As {@link #run(Role, ProtocolConfig)}, a host serving {@code clients} clients
     * ({@link PeerRun#checkClients checked} before).
     */
    int run(Role role, ProtocolConfig config, int clients) {
        PeerRun run = new PeerRun(role, cloud, stun, bind == null ? new Endpoint(0, 0) : bind, config, clients);
        try {
            return RealnetMain.exitCode(run.run(new JsonLines(System.out)));
        } catch (IOException e) {
            System.err.println("punchsim: " + e.getMessage());
            return RealnetMain.exitCode(e);
        }
    }
}
