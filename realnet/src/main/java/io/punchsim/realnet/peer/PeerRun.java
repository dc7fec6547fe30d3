package io.punchsim.realnet.peer;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.peer.ClientPeer;
import io.punchsim.protocol.peer.ConnectionResult;
import io.punchsim.protocol.peer.FailureReason;
import io.punchsim.protocol.peer.HostPeer;
import io.punchsim.protocol.peer.Outcome;
import io.punchsim.protocol.peer.Peer;
import io.punchsim.realnet.runtime.EventLoop;
import io.punchsim.realnet.runtime.ProcessLifetime;
import io.punchsim.realnet.runtime.SocketAddresses;
import io.punchsim.realnet.runtime.UdpContext;
import io.punchsim.realnet.trace.JsonLines;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One peer (host or client) on a real socket, run to its end: every step is printed as it
 * happens, then one outcome line.
 *
 * @param role {@link Role#HOST} or {@link Role#CLIENT}
 * @param cloud the cloud's address
 * @param stun the STUN server's address
 * @param bind where to bind; address 0.0.0.0 means the address the OS routes toward the cloud, so
 *     the local address the peer reports (H8/C8) is a real one
 * @param config the protocol parameters and variants
 */
public record PeerRun(Role role, Endpoint cloud, Endpoint stun, Endpoint bind, ProtocolConfig config) {

    /** How the run ended, for the exit code. */
    public enum Ending {
        CONNECTED, FAILED, INTERRUPTED
    }

    /**
     * After the peer is finished, keep the socket a moment so the last signalling (its Leave) can
     * be answered instead of meeting a closed port.
     */
    private static final long LINGER_NANOS = 300_000_000L;

    /** The reason of a run stopped (Ctrl-C, SIGTERM) before it had an outcome. */
    private static final String INTERRUPTED = "INTERRUPTED";

    public PeerRun {
        if (role != Role.HOST && role != Role.CLIENT) {
            throw new IllegalArgumentException("a peer is a host or a client, not " + role);
        }
    }

    public Ending run(JsonLines out) throws IOException {
        Endpoint local = bind.ip() == 0 ? new Endpoint(SocketAddresses.sourceAddressToward(cloud).ip(), bind.port()) : bind;
        EventLoop loop = new EventLoop();
        UdpContext context;
        try {
            context = loop.open(SocketAddresses.toInet(local), out);
        } catch (IOException e) {
            loop.close();
            throw new IOException("cannot bind " + local + ": " + e.getMessage(), e);
        }
        Peer peer = role == Role.HOST ? new HostPeer(config, cloud, stun) : new ClientPeer(config, cloud, stun);
        // Start from inside the run, once Ctrl-C is handled, so even the first step can be interrupted cleanly.
        loop.setTimer(loop.now(), () -> context.start(peer));
        boolean[] lingering = {false};
        boolean[] lingered = {false};
        Ending[] ending = {Ending.INTERRUPTED};
        ProcessLifetime.run(loop, () -> {
            if (peer.isFinished() && !lingering[0]) {
                lingering[0] = true;
                context.setTimer(context.now() + LINGER_NANOS, () -> lingered[0] = true);
            }
            return lingered[0];
        }, finished -> {
            Map<String, Object> line = outcome(peer, finished);
            line.put("datagramsSent", context.datagramsSent());
            line.put("datagramsReceived", context.datagramsReceived());
            if (!finished) {
                line.put("interrupted", true);
            }
            out.line(loop.now(), line);
            String outcome = (String) line.get("outcome");
            if (finished) {
                ending[0] = outcome.equals(Outcome.DIRECT.name()) || outcome.equals(Outcome.RELAYED.name())
                        ? Ending.CONNECTED : Ending.FAILED;
            }
        });
        return ending[0];
    }

    /**
     * The outcome line, led by the fields of {@code punchsim trace --format json}'s last line. It
     * always says why: a failure reason, {@code NONE} when connected, {@code INTERRUPTED} when
     * stopped before an outcome.
     */
    private Map<String, Object> outcome(Peer peer, boolean finished) {
        Map<String, Object> line = new LinkedHashMap<>();
        if (peer instanceof ClientPeer client) {
            ConnectionResult result = client.result();
            line.put("role", "client");
            // A run cut short before an outcome counts as failed.
            line.put("outcome", result.outcome() == Outcome.PENDING ? Outcome.FAILED.name() : result.outcome().name());
            line.put("reason", !finished && result.outcome() == Outcome.PENDING ? INTERRUPTED
                    : result.failureReason().name());
            line.put("connectMsFromK1", result.connected() ? millis(result.connectFromK1Nanos()) : null);
            line.put("attempt", result.attemptIndex());
            line.put("connectMsFromStart", result.connected() ? millis(result.connectFromStartNanos()) : null);
            line.put("attemptsSent", result.attemptsSent());
            line.put("updatesSent", result.updatesSent());
            List<Long> rtts = result.roundTripNanos();
            line.put("echoes", rtts.size());
            line.put("rttMsMedian", rtts.isEmpty() ? null : millis(rtts.stream().sorted().toList().get(rtts.size() / 2)));
        } else {
            HostPeer host = (HostPeer) peer;
            line.put("role", "host");
            line.put("outcome", host.path() == Outcome.PENDING ? Outcome.FAILED.name() : host.path().name());
            line.put("reason", !finished && host.path() == Outcome.PENDING && host.failureReason() == FailureReason.NONE
                    ? INTERRUPTED : host.failureReason().name());
            line.put("pingsSent", host.pingsSent());
            line.put("directAccepts", host.directAccepts());
            line.put("relayedAccepts", host.relayedAccepts());
            line.put("echoes", host.echoes());
        }
        return line;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }
}
