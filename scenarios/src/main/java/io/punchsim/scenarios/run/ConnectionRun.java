package io.punchsim.scenarios.run;

import io.punchsim.nat.NatBehaviour;
import io.punchsim.nat.NatNode;
import io.punchsim.protocol.cloud.CloudServer;
import io.punchsim.protocol.config.StartupDelay;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.peer.ClientPeer;
import io.punchsim.protocol.peer.ConnectionResult;
import io.punchsim.protocol.peer.HostPeer;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.protocol.stun.StunServer;
import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.GamePath;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RttSummary;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.model.FaultSpec;
import io.punchsim.scenarios.model.LatencySpec;
import io.punchsim.scenarios.model.NatMix;
import io.punchsim.scenarios.model.NatSpec;
import io.punchsim.scenarios.model.PeerSpec;
import io.punchsim.scenarios.model.Scenario;
import io.punchsim.sim.event.EventLoop;
import io.punchsim.sim.net.Host;
import io.punchsim.sim.net.Network;
import io.punchsim.sim.net.UdpSocket;
import io.punchsim.sim.random.RandomStreams;
import io.punchsim.sim.random.StreamName;
import io.punchsim.reports.outcome.SessionOutcome;
import io.punchsim.scenarios.model.NetworkSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One simulated run: the real host, clients, cloud and STUN state machines of one game session on
 * the virtual network of a sweep point, behind the NATs drawn for this seed. A pure function of
 * (point, seed).
 *
 * <p>Every draw the scenario itself makes (which NAT from a mix, start-up and join delays) comes from
 * a named stream of the seed, as does every draw of the network and of each machine, so adding a
 * draw in one place never shifts another. Each client draws from streams named after it, so the
 * first client of a session draws what the only client of a run of one did, and adding clients
 * never changes what another client drew (the network's own draws on a link that several clients'
 * packets cross are taken in the order the packets come).
 */
public final class ConnectionRun {
    /** Virtual time a run may take after the client starts before it is cut off as FAILED. */
    static final long CUT_OFF_NANOS = 600_000_000_000L;

    private static final Consumer<StepEvent> IGNORE = e -> {};

    // The names of the streams every run draws from, folded once; a client's are named after it, so
    // the first client's are the ones a run of one client always drew from.
    private static final StreamName HOST_NAT = StreamName.of("scenario:host-nat");
    private static final StreamName HOST_STARTUP = StreamName.of("scenario:host-startup");
    private static final StreamName HOST_JOIN = StreamName.of("scenario:host-join");
    private static final StreamName HOST_MACHINE = StreamName.of("machine:" + SiteLayout.HOST);
    private static final StreamName CLOUD_MACHINE = StreamName.of("machine:" + SiteLayout.CLOUD);
    private static final StreamName STUN_MACHINE = StreamName.of("machine:" + SiteLayout.STUN);
    /** The streams of the first clients, folded once; a larger session folds the rest per run. */
    private static final ClientStreams[] CLIENT_STREAMS = new ClientStreams[16];

    static {
        for (int k = 0; k < CLIENT_STREAMS.length; k++) {
            CLIENT_STREAMS[k] = ClientStreams.of(k);
        }
    }

    /** The streams one client draws its NAT, delays and machine randomness from. */
    private record ClientStreams(StreamName nat, StreamName startup, StreamName join, StreamName machine) {
        static ClientStreams of(int k) {
            String name = SiteLayout.clientName(k);
            return new ClientStreams(StreamName.of("scenario:" + name + "-nat"),
                    StreamName.of("scenario:" + name + "-startup"), StreamName.of("scenario:" + name + "-join"),
                    StreamName.of("machine:" + name));
        }

        static ClientStreams get(int k) {
            return k < CLIENT_STREAMS.length ? CLIENT_STREAMS[k] : of(k);
        }
    }

    private ConnectionRun() {}

    /** The first client's outcome of the session of {@code seed}: the run's only one with one client. */
    public static RunOutcome run(PreparedPoint point, long seed) {
        return session(point, seed, null).clients().get(0);
    }

    /** The same, watched by {@code observer}. */
    public static RunOutcome run(PreparedPoint point, long seed, RunObserver observer) {
        return session(point, seed, observer).clients().get(0);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** One game session: the host and every client of the scenario, on the point's network, with {@code seed}. */
    public static SessionOutcome session(PreparedPoint point, long seed, RunObserver observer) {
        Scenario scenario = point.scenario();
        NetworkSpec spec = scenario.network();
        int clientCount = spec.clients();
        RandomStreams draws = new RandomStreams(seed);
        NatSpec hostNat = draw(spec.host().nat(), draws.stream(HOST_NAT));
        String hostLabel = hostNat.label();
        List<NatHop> hostHops = point.hops(hostNat);
        SiteLayout layout = point.layout(hostHops);
        String[] clientLabels = new String[clientCount];
        SiteLayout.Side[] clientSides = new SiteLayout.Side[clientCount];
        List<List<NatHop>> clientHops = new ArrayList<>(clientCount);
        for (int k = 0; k < clientCount; k++) {
            if (spec.sameLan()) {
                clientLabels[k] = "same-lan";
                clientHops.add(List.of());
            } else {
                NatSpec drawn = draw(spec.client().nat(), draws.stream(ClientStreams.get(k).nat()));
                clientLabels[k] = drawn.label();
                clientHops.add(point.hops(drawn));
            }
            clientSides[k] = layout.client(k, clientHops.get(k));
        }
        if (observer != null) {
            observer.onNats(hostLabel, List.of(clientLabels));
        }

        Network net = layout.network(seed);
        if (observer != null && observer.packets() != null) {
            net.trace(observer.packets());
        }
        // Most layouts have no shared NAT: no map for them on every run.
        Map<String, NatNode> sharedNodes = layout.shared.isEmpty() ? Map.of() : new HashMap<>();
        for (SiteLayout.Shared shared : layout.shared.values()) {
            sharedNodes.put(shared.name(), net.bind(shared.node(), new NatNode(shared.hop().behaviour(),
                    net.node(shared.outside()))));
        }
        NatNode[] hostNodes = bindNats(net, layout.host, hostHops);
        NatNode[][] clientNodes = new NatNode[clientCount][];
        for (int k = 0; k < clientCount; k++) {
            clientNodes[k] = bindNats(net, clientSides[k], clientHops.get(k));
        }
        if (!scenario.faults().isEmpty()) {
            applyFaults(scenario, layout, hostNodes, hostHops, clientSides, clientNodes, clientHops, sharedNodes, observer);
        }

        EventLoop loop = net.loop();
        Endpoint cloudAt = SimContext.toProtocol(SiteLayout.CLOUD_ENDPOINT);
        Endpoint stunAt = SimContext.toProtocol(SiteLayout.STUN_ENDPOINT);
        CloudServer cloud = new CloudServer(point.protocol());
        startAt(net, layout.cloudAt, SiteLayout.CLOUD_ENDPOINT.port(), CLOUD_MACHINE, 0, cloud,
                events(observer, SiteLayout.CLOUD), null, null);
        startAt(net, layout.stunAt, SiteLayout.STUN_ENDPOINT.port(), STUN_MACHINE, 0, new StunServer(),
                events(observer, SiteLayout.STUN), null, null);

        PeerSpec hostSpec = spec.host();
        PeerSpec clientSpec = spec.client();
        StartupDelay hostStartup = startup(hostSpec, draws, HOST_STARTUP);
        // The host waits for the clients its session can hold; the cloud refuses the others.
        int admitted = Math.min(clientCount, point.protocol().sessionCapacity() - 1);
        HostPeer host = new HostPeer(point.protocol(), hostStartup, cloudAt, stunAt, admitted);
        // The host's packets count once per session, in the first client's run.
        TrafficCounter[] traffic = new TrafficCounter[clientCount];
        ClientPeer[] clients = new ClientPeer[clientCount];
        long hostJoin = sample(hostSpec.joinDelay(), draws.stream(HOST_JOIN));
        long lastJoin = hostJoin;
        // A peer's gateway (for port mapping) is the first NAT out from it: with same-lan, the host's.
        NatNode hostGateway = firstNat(hostNodes, layout.host, sharedNodes);
        startAt(net, layout.host.peerIndex(), SiteLayout.PEER_PORT, HOST_MACHINE, hostJoin, host, events(observer, SiteLayout.HOST),
                traffic[0] = new TrafficCounter(), gateway(hostGateway));
        for (int k = 0; k < clientCount; k++) {
            ClientStreams streams = ClientStreams.get(k);
            clients[k] = new ClientPeer(point.protocol(), startup(clientSpec, draws, streams.startup()), cloudAt, stunAt);
            long clientJoin = sample(clientSpec.joinDelay(), draws.stream(streams.join()));
            lastJoin = Math.max(lastJoin, clientJoin);
            if (traffic[k] == null) {
                traffic[k] = new TrafficCounter();
            }
            String name = observer == null ? null : SiteLayout.clientName(k);
            NatNode clientGateway = spec.sameLan() ? hostGateway : firstNat(clientNodes[k], clientSides[k], sharedNodes);
            startAt(net, clientSides[k].peerIndex(), SiteLayout.PEER_PORT, streams.machine(), clientJoin, clients[k], events(observer, name),
                    traffic[k], gateway(clientGateway));
        }

        runUntilDone(loop, clients, lastJoin + CUT_OFF_NANOS);
        NatNode hostFirstNat = firstNat(hostNodes, layout.host, sharedNodes);
        return sessionOutcome(seed, clients, hostLabel, clientLabels, traffic, cloud.relayedBytes(),
                hostFirstNat == null ? 0 : hostFirstNat.table().peakMappings());
    }

    /** Runs the session's events until every client has finished, or the cut-off. */
    private static void runUntilDone(EventLoop loop, ClientPeer[] clients, long cutOff) {
        // Clients finish for good, so the first one still at work only moves forward.
        int working = 0;
        while (loop.step()) {
            while (working < clients.length && clients[working].isFinished()) {
                working++;
            }
            if (working == clients.length || loop.now() > cutOff) {
                break;
            }
        }
    }

    private static SessionOutcome sessionOutcome(long seed, ClientPeer[] clients, String hostLabel, String[] clientLabels,
            TrafficCounter[] traffic, long relayedBytes, int hostNatPeakMappings) {
        List<RunOutcome> outcomes = new ArrayList<>(clients.length);
        long lastConnect = 0;
        for (int k = 0; k < clients.length; k++) {
            ConnectionResult result = clients[k].result();
            outcomes.add(outcome(seed, result, hostLabel, clientLabels[k], traffic[k], k == 0 ? relayedBytes : 0));
            if (lastConnect >= 0 && result.connected()) {
                lastConnect = Math.max(lastConnect, result.startedAtNanos() + result.connectFromStartNanos());
            } else {
                lastConnect = -1;
            }
        }
        return new SessionOutcome(seed, outcomes, lastConnect, relayedBytes, hostNatPeakMappings);
    }

    /**
     * Strikes the NATs a rebinding fault names and tells the observer of every fault. Kept out of
     * {@link #session}: most scenarios have none, and the JIT compiles the method a sweep runs for
     * every seed faster without it.
     */
    private static void applyFaults(Scenario scenario, SiteLayout layout, NatNode[] hostNodes, List<NatHop> hostHops,
            SiteLayout.Side[] clientSides, NatNode[][] clientNodes, List<List<NatHop>> clientHops,
            Map<String, NatNode> sharedNodes, RunObserver observer) {
        int clientCount = clientSides.length;
        for (FaultSpec fault : scenario.faults()) {
            if (fault instanceof FaultSpec.NatRebinding rebinding) {
                boolean host = rebinding.side() == FaultSpec.Side.HOST;
                java.util.Set<NatNode> struck = new java.util.LinkedHashSet<>();
                for (int k = 0; k < (host ? 1 : clientCount); k++) {
                    NatNode node = host ? natAt(layout.host, hostNodes, hostHops, rebinding.hop(), sharedNodes)
                            : natAt(clientSides[k], clientNodes[k], clientHops.get(k), rebinding.hop(), sharedNodes);
                    if (node != null) {
                        struck.add(node);
                    }
                }
                for (NatNode node : struck) {
                    node.loseMappingsAt(rebinding.atNanos());
                }
                if (observer != null && !struck.isEmpty()) {
                    observer.onFault(rebinding.atNanos(), lower(rebinding.side()) + " NAT (hop " + rebinding.hop()
                            + ") drops all its mappings (nat-rebinding)");
                }
            } else if (observer != null && fault instanceof FaultSpec.LinkDown down) {
                String link = lower(down.link()) + " link (" + lower(down.direction()) + ")";
                observer.onFault(down.fromNanos(), link + " goes down (link-down)");
                observer.onFault(down.toNanos(), link + " comes back up (link-down ends)");
            } else if (observer != null && fault instanceof FaultSpec.LossBurst burst) {
                String link = lower(burst.link()) + " link (" + lower(burst.direction()) + ")";
                observer.onFault(burst.fromNanos(), link + " starts losing " + Math.round(burst.rate() * 100) + "% (loss-burst)");
                observer.onFault(burst.toNanos(), link + " loss burst ends");
            }
        }
    }

    private static Consumer<StepEvent> events(RunObserver observer, String peer) {
        return observer == null ? IGNORE : e -> observer.onStep(peer, e);
    }

    /** The NAT a rebinding at {@code hop} strikes on a side: its own, or the shared one its chain ends in. */
    private static NatNode natAt(SiteLayout.Side side, NatNode[] nodes, List<NatHop> hops, int hop,
            Map<String, NatNode> sharedNodes) {
        if (side.shared() != null && hop == hops.size() - 1) {
            return sharedNodes.get(side.shared());
        }
        for (int i = 0; i < side.hopIndex().size(); i++) {
            if (side.hopIndex().get(i) == hop) {
                return nodes[i];
            }
        }
        return null;
    }

    /** The first NAT out from the host: its own innermost, else the shared one it sits behind. */
    private static NatNode firstNat(NatNode[] nodes, SiteLayout.Side side, Map<String, NatNode> sharedNodes) {
        for (NatNode node : nodes) {
            if (node != null) {
                return node;
            }
        }
        return side.shared() == null ? null : sharedNodes.get(side.shared());
    }

    private static NatSpec draw(NatSpec spec, UniformRandomProvider stream) {
        return spec instanceof NatMix mix ? mix.pick(stream.nextDouble()) : spec;
    }

    /**
     * Binds the NATs of a side, each handed its (already bound) outside neighbour; index i is the
     * side's node i. A NAT node of an earlier run on this network is started over rather than built.
     */
    private static NatNode[] bindNats(Network net, SiteLayout.Side side, List<NatHop> hops) {
        int count = side.nodes().size();
        NatNode[] nodes = new NatNode[count];
        // Bind from the outside in, so each NAT can be handed its (already bound) outside neighbour.
        for (int i = count - 1; i >= 0; i--) {
            int hop = side.hopIndex().get(i);
            if (hop < 0) {
                continue;
            }
            int at = side.nodeIndex(i);
            io.punchsim.sim.net.Node outside = net.node(i == count - 1 ? side.outsideIndex() : side.nodeIndex(i + 1));
            NatBehaviour behaviour = hops.get(hop).behaviour();
            nodes[i] = net.bind(at, net.previous(at) instanceof NatNode earlier
                    ? earlier.reuse(behaviour, outside) : new NatNode(behaviour, outside));
        }
        return nodes;
    }

    /** The port-mapping service of the first middlebox in front of a peer, or null when it does not translate. */
    /** Where a peer asks its gateway NAT for a port mapping; null when it has none. */
    private static io.punchsim.sim.net.Endpoint gateway(NatNode node) {
        return node == null ? null : node.serviceEndpoint();
    }

    /** The start-up delay a peer waits in this run, drawn from the scenario's distribution for it. */
    private static StartupDelay startup(PeerSpec peer, RandomStreams draws, StreamName stream) {
        long delay = sample(peer.startupDelay(), draws.stream(stream));
        return delay == 0 ? StartupDelay.NONE : StartupDelay.fixed(delay);
    }

    private static long sample(LatencySpec spec, UniformRandomProvider stream) {
        if (spec instanceof LatencySpec.Constant c) {
            return c.nanos();
        }
        return Math.max(0, LinkModels.latency(spec).sampler(stream).sample());
    }

    /** Binds the machine's socket on topology node {@code node} and starts the machine at virtual time {@code at}. */
    private static void startAt(Network net, int node, int port, StreamName stream, long at, Machine machine,
            Consumer<StepEvent> events, TrafficCounter traffic, io.punchsim.sim.net.Endpoint gateway) {
        Host host = net.bind(node, net.previous(node) instanceof Host earlier ? earlier.reuse() : new Host());
        UdpSocket socket = host.bind(port, d -> {});
        SimContext.wire(socket, machine);
        SimContext context = new SimContext(socket, net.scheduler(), net.streams().stream(stream), events,
                events != IGNORE, traffic);
        if (traffic != null) {
            context.peerOn(host, gateway);
        }
        if (at <= 0) {
            machine.start(context);
        } else {
            net.scheduler().schedule(at, () -> machine.start(context));
        }
    }

    private static RunOutcome outcome(long seed, ConnectionResult result, String hostNat, String clientNat,
            TrafficCounter traffic, long relayedBytes) {
        switch (result.outcome()) {
            case DIRECT, RELAYED -> {
                Outcome outcome = result.outcome() == io.punchsim.protocol.peer.Outcome.DIRECT
                        ? Outcome.DIRECT : Outcome.RELAYED;
                RunOutcome run = RunOutcome.connected(seed, outcome, result.connectFromK1Nanos(),
                        result.connectFromStartNanos(), result.attemptIndex(), hostNat, clientNat,
                        traffic.counts(), relayedBytes, rtt(result.roundTripNanos(), outcome));
                // relay-first: connected through the relay, then moved to the direct path.
                return result.upgraded()
                        ? run.withUpgrade(result.upgradeFromK1Nanos(), rtt(result.roundTripBeforeUpgradeNanos(), Outcome.RELAYED))
                        : run;
            }
            case FAILED -> {
                return RunOutcome.failed(seed, FailureReason.valueOf(result.failureReason().name()), hostNat,
                        clientNat, traffic.counts(), relayedBytes);
            }
            default -> {
                // Cut off while still waiting (for instance for a peer that never reported its
                // addresses): the cloud never brought the two together.
                return RunOutcome.failed(seed, FailureReason.CLOUD_UNREACHABLE, hostNat, clientNat,
                        traffic.counts(), relayedBytes);
            }
        }
    }

    private static RttSummary rtt(List<Long> samples, Outcome outcome) {
        if (samples.isEmpty()) {
            return RttSummary.NONE;
        }
        long sum = 0;
        long max = 0;
        for (long rtt : samples) {
            sum += rtt;
            max = Math.max(max, rtt);
        }
        return new RttSummary(outcome == Outcome.DIRECT ? GamePath.DIRECT : GamePath.RELAYED, samples.size(), sum, max);
    }
}
