package io.punchsim.scenarios.run;

import io.punchsim.scenarios.model.FaultSpec;
import io.punchsim.scenarios.model.NetworkSpec;
import io.punchsim.scenarios.model.Scenario;
import io.punchsim.sim.link.Fault;
import io.punchsim.sim.link.LinkSpec;
import io.punchsim.sim.net.Endpoint;
import io.punchsim.sim.net.Ipv4;
import io.punchsim.sim.net.Network;
import io.punchsim.sim.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * The virtual network a scenario runs on, for one shape of NAT chains.
 *
 * <pre>
 *   host ─ host-nat-0 ─ … ─(host access link)─ host-edge ─(peer path)─ client-edge ─(client access link)─ … ─ client
 *                                                  │  └──────── cloud-site ────────┘  │
 *                                                  └───────────  stun-site  ───────────┘
 * </pre>
 *
 * Each edge reaches the cloud and the STUN server over its own link, whose latency is the
 * scenario's placement of that service from that peer; the cloud and STUN hosts hang off a site
 * router so that no route runs through them. With {@code same-lan} the client sits on the host's
 * LAN, behind the host's NATs. Built once per shape and shared by every run of a sweep point.
 */
final class SiteLayout {
    static final String HOST = "host";
    static final String CLIENT = "client";
    static final String CLOUD = "cloud";
    static final String STUN = "stun";
    static final int PEER_PORT = 50000;
    static final Endpoint CLOUD_ENDPOINT = Endpoint.of("192.0.2.10", 5055);
    static final Endpoint STUN_ENDPOINT = Endpoint.of("192.0.2.20", 3478);

    private static final long LAN = 0;
    /** Larger than any sum of mean latencies a scenario can hold (about 11.6 days). */
    private static final double BETWEEN_SITES = 1e15;

    final Topology topology;
    final List<String> hostNats;
    final List<String> clientNats;
    final List<Integer> hostNatHopIndex;
    final List<Integer> clientNatHopIndex;
    final int hostAddress;
    final int clientAddress;
    /** Each thread's network on this layout, reset for every run instead of being built again. */
    private final ThreadLocal<Network> networks;

    private SiteLayout(Topology topology, List<String> hostNats, List<String> clientNats,
            List<Integer> hostNatHopIndex, List<Integer> clientNatHopIndex, int hostAddress, int clientAddress) {
        this.topology = topology;
        this.hostNats = hostNats;
        this.clientNats = clientNats;
        this.hostNatHopIndex = hostNatHopIndex;
        this.clientNatHopIndex = clientNatHopIndex;
        this.hostAddress = hostAddress;
        this.clientAddress = clientAddress;
        this.networks = ThreadLocal.withInitial(() -> new Network(topology, 0));
    }

    /** The calling thread's network on this layout, cleared for a run with {@code seed}. */
    Network network(long seed) {
        Network network = networks.get();
        network.reset(seed);
        return network;
    }

    /** A cache key: what about the drawn NATs changes the topology (not their behaviours). */
    static String shapeKey(List<NatHop> host, List<NatHop> client) {
        StringBuilder key = new StringBuilder();
        for (NatHop hop : host) {
            key.append(hop.isPassThrough() ? 'o' : hop.translates() ? 't' : 'f').append(hop.externalAddresses());
        }
        key.append('|');
        for (NatHop hop : client) {
            key.append(hop.isPassThrough() ? 'o' : hop.translates() ? 't' : 'f').append(hop.externalAddresses());
        }
        return key.toString();
    }

    static SiteLayout build(Scenario scenario, List<NatHop> hostHops, List<NatHop> clientHops) {
        NetworkSpec net = scenario.network();
        Topology.Builder t = Topology.builder();

        t.node(CLOUD, Ipv4.format(CLOUD_ENDPOINT.ip()));
        t.node(STUN, Ipv4.format(STUN_ENDPOINT.ip()));
        t.node("cloud-site");
        t.node("stun-site");
        t.node("host-edge");
        t.node("client-edge");
        t.link(CLOUD, CLOUD, "cloud-site", serviceLink(scenario, FaultSpec.FaultLink.CLOUD));
        t.link(STUN, STUN, "stun-site", serviceLink(scenario, FaultSpec.FaultLink.STUN));
        // Every link between sites carries the same routing penalty, so a route crosses as few of them
        // as it can: the cloud reaches the client over the client's own placement link even when a
        // detour through the host's edge and the peer path would be faster, and the peers reach each
        // other over the peer path, never through a service's site.
        t.link("peer-path", "host-edge", "client-edge", new LinkSpec(
                LinkModels.direction(net.peerPath().up(), List.of()),
                LinkModels.direction(net.peerPath().down(), List.of())), BETWEEN_SITES);
        t.link("host-cloud", "host-edge", "cloud-site", placement(net.cloud().fromHost()), BETWEEN_SITES);
        t.link("client-cloud", "client-edge", "cloud-site", placement(net.cloud().fromClient()), BETWEEN_SITES);
        t.link("host-stun", "host-edge", "stun-site", placement(net.stun().fromHost()), BETWEEN_SITES);
        t.link("client-stun", "client-edge", "stun-site", placement(net.stun().fromClient()), BETWEEN_SITES);

        Side host = side(t, HOST, 1, hostHops);
        int hostAddress = declarePeer(t, HOST, host, "10.1.0.", "203.0.113.", 2);
        t.link("host-lan-link", HOST, host.innermost(), LinkSpec.constant(LAN));
        t.link("host-access", host.outermost(), "host-edge", access(scenario, true));

        Side client;
        int clientAddress;
        if (net.sameLan()) {
            client = new Side(List.of(), List.of(), false);
            clientAddress = declarePeer(t, CLIENT, host, "10.1.0.", "203.0.113.", 3);
            t.link("client-lan-link", CLIENT, host.innermost(), LinkSpec.constant(LAN));
        } else {
            client = side(t, CLIENT, 2, clientHops);
            clientAddress = declarePeer(t, CLIENT, client, "10.2.0.", "198.51.100.", 2);
            t.link("client-lan-link", CLIENT, client.innermost(), LinkSpec.constant(LAN));
            t.link("client-access", client.outermost(), "client-edge", access(scenario, false));
        }
        return new SiteLayout(t.build(), host.names, client.names, host.hopIndex, client.hopIndex,
                hostAddress, clientAddress);
    }

    /** The NAT nodes of one side, named from the peer outward, linked to each other. */
    private record Side(List<String> names, List<Integer> hopIndex, boolean translated) {
        String innermost() {
            return names.get(0);
        }

        String outermost() {
            return names.get(names.size() - 1);
        }
    }

    /**
     * Declares a peer: a private address on its side's LAN when a NAT translates for it, a public
     * one otherwise (a firewall or no middlebox at all).
     */
    private static int declarePeer(Topology.Builder t, String peer, Side side, String privateNet, String publicNet,
            int hostByte) {
        String address = (side.translated() ? privateNet : publicNet) + hostByte;
        t.node(peer, address);
        return Ipv4.parse(address);
    }

    private static Side side(Topology.Builder t, String peer, int sideByte, List<NatHop> hops) {
        List<String> names = new ArrayList<>();
        List<Integer> hopIndex = new ArrayList<>();
        int lastTranslating = -1;
        for (int i = 0; i < hops.size(); i++) {
            if (hops.get(i).translates()) {
                lastTranslating = i;
            }
        }
        // The LAN switch: the peer and, with same-lan, the other peer hang off it.
        String lan = peer + "-lan";
        t.node(lan);
        names.add(lan);
        hopIndex.add(-1);
        for (int i = 0; i < hops.size(); i++) {
            NatHop hop = hops.get(i);
            if (hop.isPassThrough()) {
                continue;
            }
            String name = peer + "-nat-" + i;
            List<String> addresses = new ArrayList<>();
            if (hop.translates()) {
                for (int a = 0; a < hop.externalAddresses(); a++) {
                    // One /24 per hop, .10 upward: what the binder's limits on hops and addresses allow.
                    addresses.add(i == lastTranslating
                            ? (sideByte == 1 ? "203.0.113." : "198.51.100.") + (10 + a)
                            : "100." + (64 + i) + "." + sideByte + "." + (10 + a));
                }
            }
            t.node(name, addresses.toArray(String[]::new));
            t.link(names.get(names.size() - 1), name, LinkSpec.constant(LAN));
            names.add(name);
            hopIndex.add(i);
        }
        return new Side(List.copyOf(names), List.copyOf(hopIndex), lastTranslating >= 0);
    }

    /** The node name of the NAT at {@code hop} (counted from the peer outward), if it has a node. */
    String natNode(boolean hostSide, int hop) {
        List<Integer> indices = hostSide ? hostNatHopIndex : clientNatHopIndex;
        int at = indices.indexOf(hop);
        return at < 0 ? null : (hostSide ? hostNats : clientNats).get(at);
    }

    private static LinkSpec access(Scenario scenario, boolean host) {
        var spec = host ? scenario.network().host().link() : scenario.network().client().link();
        FaultSpec.FaultLink which = host ? FaultSpec.FaultLink.HOST : FaultSpec.FaultLink.CLIENT;
        return new LinkSpec(
                LinkModels.direction(spec.up(), faults(scenario, which, true)),
                LinkModels.direction(spec.down(), faults(scenario, which, false)));
    }

    private static LinkSpec placement(io.punchsim.scenarios.model.LatencySpec latency) {
        return LinkSpec.symmetric(LinkModels.plain(latency, List.of()));
    }

    /** The attachment of the cloud or STUN host: instant, but where that service's faults strike. */
    private static LinkSpec serviceLink(Scenario scenario, FaultSpec.FaultLink which) {
        return new LinkSpec(
                LinkModels.plain(new io.punchsim.scenarios.model.LatencySpec.Constant(LAN), faults(scenario, which, true)),
                LinkModels.plain(new io.punchsim.scenarios.model.LatencySpec.Constant(LAN), faults(scenario, which, false)));
    }

    /** Faults on a link direction; {@code up} is from the peer (or service) toward the network. */
    private static List<Fault> faults(Scenario scenario, FaultSpec.FaultLink link, boolean up) {
        List<Fault> faults = new ArrayList<>();
        for (FaultSpec fault : scenario.faults()) {
            if (fault instanceof FaultSpec.LinkDown down && down.link() == link && applies(down.direction(), up)) {
                faults.add(new Fault.Outage(down.fromNanos(), down.toNanos()));
            } else if (fault instanceof FaultSpec.LossBurst burst && burst.link() == link
                    && applies(burst.direction(), up)) {
                faults.add(new Fault.LossBurst(burst.fromNanos(), burst.toNanos(), burst.rate()));
            }
        }
        return faults;
    }

    private static boolean applies(FaultSpec.FaultDirection direction, boolean up) {
        return direction == FaultSpec.FaultDirection.BOTH || (direction == FaultSpec.FaultDirection.UP) == up;
    }
}
