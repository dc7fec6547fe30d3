package io.punchsim.scenarios.run;

import io.punchsim.nat.NatNode;
import io.punchsim.protocol.cloud.CloudServer;
import io.punchsim.protocol.config.ProtocolConfig;
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
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One simulated run: the real host, client, cloud and STUN state machines on the virtual network of
 * a sweep point, behind the NATs drawn for this seed. A pure function of (point, seed).
 *
 * <p>Every draw the scenario itself makes (which NAT from a mix, start-up and join delays) comes from
 * a named stream of the seed, as does every draw of the network and of each machine, so adding a
 * draw in one place never shifts another.
 */
public final class ConnectionRun {
    /** Virtual time a run may take after the client starts before it is cut off as FAILED. */
    static final long CUT_OFF_NANOS = 600_000_000_000L;

    private static final Consumer<StepEvent> IGNORE = e -> {};

    // The names of the streams every run draws from, folded once.
    private static final StreamName HOST_NAT = StreamName.of("scenario:host-nat");
    private static final StreamName CLIENT_NAT = StreamName.of("scenario:client-nat");
    private static final StreamName HOST_STARTUP = StreamName.of("scenario:host-startup");
    private static final StreamName CLIENT_STARTUP = StreamName.of("scenario:client-startup");
    private static final StreamName HOST_JOIN = StreamName.of("scenario:host-join");
    private static final StreamName CLIENT_JOIN = StreamName.of("scenario:client-join");
    private static final StreamName HOST_MACHINE = StreamName.of("machine:" + SiteLayout.HOST);
    private static final StreamName CLIENT_MACHINE = StreamName.of("machine:" + SiteLayout.CLIENT);
    private static final StreamName CLOUD_MACHINE = StreamName.of("machine:" + SiteLayout.CLOUD);
    private static final StreamName STUN_MACHINE = StreamName.of("machine:" + SiteLayout.STUN);

    private ConnectionRun() {}

    public static RunOutcome run(PreparedPoint point, long seed) {
        return run(point, seed, null);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunOutcome run(PreparedPoint point, long seed, RunObserver observer) {
        Scenario scenario = point.scenario();
        RandomStreams draws = new RandomStreams(seed);
        NatSpec hostNat = draw(scenario.network().host().nat(), draws.stream(HOST_NAT));
        NatSpec clientNat = scenario.network().sameLan()
                ? hostNat
                : draw(scenario.network().client().nat(), draws.stream(CLIENT_NAT));
        String hostLabel = hostNat.label();
        String clientLabel = scenario.network().sameLan() ? "same-lan" : clientNat.label();
        if (observer != null) {
            observer.onNats(hostLabel, clientLabel);
        }
        List<NatHop> hostHops = point.hops(hostNat);
        List<NatHop> clientHops = scenario.network().sameLan() ? List.of() : point.hops(clientNat);
        SiteLayout layout = point.layout(hostHops, clientHops);

        Network net = layout.network(seed);
        if (observer != null && observer.packets() != null) {
            net.trace(observer.packets());
        }
        NatNode[] hostNodes = bindNats(net, layout.hostNats, layout.hostNatHopIndex, hostHops, "host-edge");
        NatNode[] clientNodes = bindNats(net, layout.clientNats, layout.clientNatHopIndex, clientHops, "client-edge");
        for (FaultSpec fault : scenario.faults()) {
            if (fault instanceof FaultSpec.NatRebinding rebinding) {
                NatNode[] side = rebinding.side() == FaultSpec.Side.HOST ? hostNodes : clientNodes;
                List<Integer> index = rebinding.side() == FaultSpec.Side.HOST
                        ? layout.hostNatHopIndex : layout.clientNatHopIndex;
                int at = index.indexOf(rebinding.hop());
                if (at >= 0 && side[at] != null) {
                    side[at].loseMappingsAt(rebinding.atNanos());
                    if (observer != null) {
                        observer.onFault(rebinding.atNanos(), lower(rebinding.side()) + " NAT (hop " + rebinding.hop()
                                + ") drops all its mappings (nat-rebinding)");
                    }
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

        Consumer<StepEvent> events = observer == null ? IGNORE : observer::onStep;
        EventLoop loop = net.loop();

        Endpoint cloudAt = SimContext.toProtocol(SiteLayout.CLOUD_ENDPOINT);
        Endpoint stunAt = SimContext.toProtocol(SiteLayout.STUN_ENDPOINT);
        CloudServer cloud = new CloudServer(point.protocol());
        startAt(net, SiteLayout.CLOUD, SiteLayout.CLOUD_ENDPOINT.port(), 0, cloud, events, null);
        startAt(net, SiteLayout.STUN, SiteLayout.STUN_ENDPOINT.port(), 0, new StunServer(), events, null);

        PeerSpec hostSpec = scenario.network().host();
        PeerSpec clientSpec = scenario.network().client();
        ProtocolConfig hostConfig = withStartup(point.protocol(), hostSpec, draws, HOST_STARTUP);
        ProtocolConfig clientConfig = withStartup(point.protocol(), clientSpec, draws, CLIENT_STARTUP);
        HostPeer host = new HostPeer(hostConfig, cloudAt, stunAt);
        ClientPeer client = new ClientPeer(clientConfig, cloudAt, stunAt);
        TrafficCounter traffic = new TrafficCounter();
        long hostJoin = sample(hostSpec.joinDelay(), draws.stream(HOST_JOIN));
        long clientJoin = sample(clientSpec.joinDelay(), draws.stream(CLIENT_JOIN));
        startAt(net, SiteLayout.HOST, SiteLayout.PEER_PORT, hostJoin, host, events, traffic);
        startAt(net, SiteLayout.CLIENT, SiteLayout.PEER_PORT, clientJoin, client, events, traffic);

        long cutOff = Math.max(hostJoin, clientJoin) + CUT_OFF_NANOS;
        while (!client.isFinished() && loop.step()) {
            if (loop.now() > cutOff) {
                break;
            }
        }
        return outcome(seed, client.result(), hostLabel, clientLabel, traffic, cloud.counters().relayedBytes());
    }

    private static NatSpec draw(NatSpec spec, UniformRandomProvider stream) {
        return spec instanceof NatMix mix ? mix.pick(stream.nextDouble()) : spec;
    }

    private static NatNode[] bindNats(Network net, List<String> names, List<Integer> hopIndex, List<NatHop> hops,
            String edge) {
        NatNode[] nodes = new NatNode[names.size()];
        // Bind from the outside in, so each NAT can be handed its (already bound) outside neighbour.
        for (int i = names.size() - 1; i >= 0; i--) {
            if (hopIndex.get(i) < 0) {
                continue;
            }
            String outside = i == names.size() - 1 ? edge : names.get(i + 1);
            nodes[i] = net.bind(names.get(i), new NatNode(hops.get(hopIndex.get(i)).behaviour(), net.node(outside)));
        }
        return nodes;
    }

    private static ProtocolConfig withStartup(ProtocolConfig base, PeerSpec peer, RandomStreams draws, StreamName stream) {
        long delay = sample(peer.startupDelay(), draws.stream(stream));
        return delay == 0 ? base : base.toBuilder().startupDelay(StartupDelay.fixed(delay)).build();
    }

    private static long sample(LatencySpec spec, UniformRandomProvider stream) {
        if (spec instanceof LatencySpec.Constant c) {
            return c.nanos();
        }
        return Math.max(0, LinkModels.latency(spec).sampler(stream).sample());
    }

    /** Binds the machine's socket on the node and starts the machine at virtual time {@code at}. */
    private static void startAt(Network net, String node, int port, long at, Machine machine,
            Consumer<StepEvent> events, TrafficCounter traffic) {
        Host host = net.host(node);
        UdpSocket socket = host.bind(port, d -> {});
        SimContext.wire(socket, machine);
        SimContext context = new SimContext(socket, net.scheduler(), net.streams().stream(machineStream(node)),
                events, events != IGNORE, traffic);
        if (at <= 0) {
            machine.start(context);
        } else {
            net.scheduler().schedule(at, () -> machine.start(context));
        }
    }

    private static StreamName machineStream(String node) {
        return switch (node) {
            case SiteLayout.HOST -> HOST_MACHINE;
            case SiteLayout.CLIENT -> CLIENT_MACHINE;
            case SiteLayout.CLOUD -> CLOUD_MACHINE;
            case SiteLayout.STUN -> STUN_MACHINE;
            default -> StreamName.of("machine:" + node);
        };
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
