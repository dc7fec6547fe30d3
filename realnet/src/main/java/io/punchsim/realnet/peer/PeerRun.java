package io.punchsim.realnet.peer;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.config.ProtocolParameters;
import io.punchsim.protocol.config.ValueException;
import io.punchsim.protocol.config.ValueType;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.peer.ClientPeer;
import io.punchsim.protocol.peer.ConnectionResult;
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
 * happens, then, for a host, one line per client ({@link HostReport}), and one outcome line.
 *
 * @param role {@link Role#HOST} or {@link Role#CLIENT}
 * @param cloud the cloud's address
 * @param stun the STUN server's address
 * @param bind where to bind; address 0.0.0.0 means the address the OS routes toward the cloud, so
 *     the local address the peer reports (H8/C8) is a real one
 * @param config the protocol parameters and variants
 * @param clients for a host, how many clients it serves before it reports and exits ({@link #CLIENTS}); 1 for a client
 */
public record PeerRun(Role role, Endpoint cloud, Endpoint stun, Endpoint bind, ProtocolConfig config, int clients) {

    /** The host's option that says how many clients it waits for. */
    public static final String CLIENTS_FLAG = "--clients";

    /**
     * How many clients one host may wait for: those of the largest session the cloud holds
     * ({@code session-capacity}'s upper bound), less the host.
     */
    public static final ValueType.Count CLIENTS = new ValueType.Count(1, largestSession() - 1);

    /** The help line of {@link #CLIENTS_FLAG}, with its default and range. */
    public static final String CLIENTS_HELP = "clients the host serves before it reports one line per client and a summary,"
            + " and exits; at most --session-capacity minus 1 (default 1, " + CLIENTS.range() + ")";

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
    static final String INTERRUPTED = "INTERRUPTED";

    public PeerRun {
        if (role != Role.HOST && role != Role.CLIENT) {
            throw new IllegalArgumentException("a peer is a host or a client, not " + role);
        }
        if (role == Role.CLIENT && clients != 1) {
            throw new IllegalArgumentException("a client is one client, not " + clients);
        }
        checkClients(clients, config);
    }

    /**
     * Checks that a session of {@code config}'s capacity can hold {@code clients} clients besides its host.
     *
     * @throws IllegalArgumentException naming {@link #CLIENTS_FLAG} and the capacity, when it cannot
     */
    public static void checkClients(int clients, ProtocolConfig config) {
        int room = Math.min(CLIENTS.max(), config.sessionCapacity() - 1);
        if (clients < CLIENTS.min() || clients > room) {
            throw new IllegalArgumentException(CLIENTS_FLAG + ": " + clients + " is not within " + CLIENTS.min() + ".." + room
                    + " (a session of --session-capacity " + config.sessionCapacity() + " holds the host and "
                    + (config.sessionCapacity() - 1) + " clients)");
        }
    }

    /** A host that serves one client, or a client. */
    public PeerRun(Role role, Endpoint cloud, Endpoint stun, Endpoint bind, ProtocolConfig config) {
        this(role, cloud, stun, bind, config, 1);
    }

    /**
     * The number {@code text} gives for {@link #CLIENTS_FLAG}.
     *
     * @throws IllegalArgumentException naming the option, for a value that does not parse or is out of range
     */
    public static int clients(String text) {
        try {
            return CLIENTS.read(text);
        } catch (ValueException e) {
            throw new IllegalArgumentException(CLIENTS_FLAG + ": " + e.getMessage());
        }
    }

    private static int largestSession() {
        return ((ValueType.Count) ProtocolParameters.byPath("session.capacity").orElseThrow().type()).max();
    }

    public Ending run(JsonLines out) throws IOException {
        Endpoint local = bind.ip() == 0 ? new Endpoint(SocketAddresses.sourceAddressToward(cloud).ip(), bind.port()) : bind;
        EventLoop loop = new EventLoop();
        UdpContext context;
        try {
            context = loop.open(SocketAddresses.toInet(local), out);
        } catch (java.net.BindException e) {
            loop.close();
            throw e;
        } catch (IOException e) {
            loop.close();
            throw new IOException("cannot bind " + local + ": " + e.getMessage(), e);
        }
        Peer peer = role == Role.HOST ? new HostPeer(config, cloud, stun, clients) : new ClientPeer(config, cloud, stun);
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
            List<Map<String, Object>> clientLines = peer instanceof HostPeer host
                    ? HostReport.clientLines(host, clients, cloud, finished) : List.of();
            for (Map<String, Object> client : clientLines) {
                out.line(loop.now(), client);
            }
            Map<String, Object> line = outcome(peer, finished, clientLines);
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
     * stopped before an outcome. A host's is the summary of its {@code clientLines}.
     */
    private Map<String, Object> outcome(Peer peer, boolean finished, List<Map<String, Object>> clientLines) {
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
            line.putAll(HostReport.summary(clientLines));
            line.put("pingsSent", host.pingsSent());
            line.put("directAccepts", host.directAccepts());
            line.put("relayedAccepts", host.relayedAccepts());
            line.put("echoes", host.echoes());
        }
        return line;
    }

    static double millis(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }
}
