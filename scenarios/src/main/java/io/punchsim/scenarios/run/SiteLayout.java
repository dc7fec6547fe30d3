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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The virtual network one game session runs on, for one shape of the host's NAT chain.
 *
 * <pre>
 *   host ─ host-lan ─ host-nat-0 ─ … ─(host access link)─ host-edge ─(peer path)─ client-edge ─(client access link)─ … ─ client
 *                                                            │  └──────── cloud-site ────────┘  │
 *                                                            └───────────  stun-site  ───────────┘
 * </pre>
 *
 * Each client has its own edge, peer path, placement links and access link (the first is called
 * {@code client}, the others {@code client-2}, {@code client-3} …). A client's NAT chain is drawn per
 * run, so its side is built once for every shape its chain can take, as copies of which a run binds
 * the one it drew: the copies draw from the same streams and carry the same names in traces, so a
 * client's run is the same whichever other shapes exist. Each edge reaches the cloud and the STUN
 * server over its own link, whose latency is the scenario's placement of that service; the cloud and
 * STUN hosts hang off a site router so that no route runs through them. With {@code same-lan} every
 * client sits on the host's LAN, behind the host's NATs.
 *
 * <p>A shared NAT ({@code network.shared-nats}) is one node with a LAN switch in front of it: a
 * member with NATs of its own joins that LAN over its access link (its line to the carrier), a
 * member with none sits on it (a zero-delay LAN link, as a PC at home). The shared NAT reaches the
 * internet at the host's edge when the host is behind it (over the host's access link if the host
 * sits right on its LAN: the home's line), otherwise at an edge of its own placed like a client's.
 * Built once per shape and shared by every run of a sweep point.
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
    /** The most nodes a session's network may have: beyond, routes take longer to compute than the runs. */
    static final int MAX_NODES = 20_000;

    /**
     * One peer's side as a run binds it.
     *
     * @param peer     the peer's node
     * @param nodes    its LAN switch, then the nodes of its own NATs from the peer outward
     * @param hopIndex for each of {@code nodes}, the hop of the chain it is (-1 for the switch)
     * @param outside  the node beyond its outermost own NAT: its edge, or a shared NAT's LAN
     * @param shared   the shared NAT its chain ends in, or null
     * @param lan      its LAN's network address
     * @param translated whether a NAT translates the peer's address
     * @param at         the topology's indexes of {@code peer}, then of {@code nodes}, then of {@code outside}
     *                   (-1 for none), so a run binds its nodes without looking names up; null until the
     *                   topology is built
     */
    record Side(String peer, List<String> nodes, List<Integer> hopIndex, String outside, String shared, int lan,
                boolean translated, int[] at) {

        Side(String peer, List<String> nodes, List<Integer> hopIndex, String outside, String shared, int lan,
                boolean translated) {
            this(peer, nodes, hopIndex, outside, shared, lan, translated, null);
        }

        /** The same side with the indexes of its nodes in {@code topology}. */
        Side indexed(Topology topology) {
            int[] indexes = new int[nodes.size() + 2];
            indexes[0] = topology.nodeIndex(peer);
            for (int i = 0; i < nodes.size(); i++) {
                indexes[i + 1] = topology.nodeIndex(nodes.get(i));
            }
            indexes[nodes.size() + 1] = outside == null ? -1 : topology.nodeIndex(outside);
            return new Side(peer, nodes, hopIndex, outside, shared, lan, translated, indexes);
        }

        int peerIndex() {
            return at[0];
        }

        /** The index of {@code nodes.get(i)}. */
        int nodeIndex(int i) {
            return at[i + 1];
        }

        int outsideIndex() {
            return at[at.length - 1];
        }
    }

    /** One shared NAT: its node and the node beyond it. */
    record Shared(String name, String node, String outside, NatHop hop) {}

    final Topology topology;
    final Side host;
    /** The clients' sides: {@code clients[k][v]} is client k's side for the v-th shape its chain can take. */
    private final Side[][] clients;
    /** The shape index of each of the clients' hop lists, by the identity of the list. */
    private final Map<List<NatHop>, Integer> variantOf;
    final Map<String, Shared> shared;
    /** The topology's indexes of the cloud's and the STUN server's nodes. */
    final int cloudAt;
    final int stunAt;
    /** Each thread's network on this layout, reset for every run instead of being built again. */
    private final ThreadLocal<Network> networks;

    private SiteLayout(Topology topology, Side host, Side[][] clients, Map<List<NatHop>, Integer> variantOf,
            Map<String, Shared> shared) {
        this.topology = topology;
        this.host = host.indexed(topology);
        for (Side[] variants : clients) {
            for (int v = 0; v < variants.length; v++) {
                variants[v] = variants[v].indexed(topology);
            }
        }
        this.clients = clients;
        this.cloudAt = topology.nodeIndex(CLOUD);
        this.stunAt = topology.nodeIndex(STUN);
        this.variantOf = variantOf;
        this.shared = shared;
        this.networks = ThreadLocal.withInitial(() -> new Network(topology, 0));
    }

    /** The calling thread's network on this layout, cleared for a run with {@code seed}. */
    Network network(long seed) {
        Network network = networks.get();
        network.reset(seed);
        return network;
    }

    /** Client {@code k}'s side for the hop list it drew (one of the lists the layout was built for). */
    Side client(int k, List<NatHop> hops) {
        Side[] variants = clients[k];
        return variants.length == 1 ? variants[0] : variants[variantOf.get(hops)];
    }

    /** The name of client {@code k} (from 0): {@code client}, then {@code client-2}, {@code client-3} … */
    static String clientName(int k) {
        return k == 0 ? CLIENT : CLIENT + "-" + (k + 1);
    }

    /** The index of the client named {@code name}, the inverse of {@link #clientName}; -1 when no client has that name. */
    static int clientIndex(String name) {
        if (name.equals(CLIENT)) {
            return 0;
        }
        String prefix = CLIENT + "-";
        if (!name.startsWith(prefix) || name.length() == prefix.length() || name.length() > prefix.length() + 9) {
            return -1;
        }
        for (int i = prefix.length(); i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        int number = Integer.parseInt(name.substring(prefix.length()));
        return number >= 2 && clientName(number - 1).equals(name) ? number - 1 : -1;
    }

    /** A cache key: what about a chain changes the topology (not its behaviours). */
    static String shapeKey(List<NatHop> hops) {
        StringBuilder key = new StringBuilder();
        for (NatHop hop : hops) {
            if (hop.shared() != null) {
                key.append('@').append(hop.shared());
            } else {
                key.append(hop.isPassThrough() ? 'o' : hop.translates() ? 't' : 'f').append(hop.externalAddresses());
            }
        }
        return key.toString();
    }

    /**
     * The network of a session whose host drew {@code hostHops} and whose clients may draw any of
     * {@code clientShapes} (one hop list per shape, the first of each shape); {@code clientLists}
     * maps every hop list a client can draw to the index of its shape.
     */
    static SiteLayout build(Scenario scenario, List<NatHop> hostHops, List<List<NatHop>> clientShapes,
            Map<List<NatHop>, Integer> clientLists) {
        NetworkSpec net = scenario.network();
        int n = net.clients();
        AddressPlan plan = new AddressPlan();
        Topology.Builder t = Topology.builder();

        t.node(CLOUD, Ipv4.format(CLOUD_ENDPOINT.ip()));
        t.node(STUN, Ipv4.format(STUN_ENDPOINT.ip()));
        t.node("cloud-site");
        t.node("stun-site");
        t.node("host-edge");
        t.link(CLOUD, CLOUD, "cloud-site", serviceLink(scenario, FaultSpec.FaultLink.CLOUD));
        t.link(STUN, STUN, "stun-site", serviceLink(scenario, FaultSpec.FaultLink.STUN));
        t.link("host-cloud", "host-edge", "cloud-site", placement(net.cloud().fromHost()), BETWEEN_SITES);
        t.link("host-stun", "host-edge", "stun-site", placement(net.stun().fromHost()), BETWEEN_SITES);
        for (int k = 0; k < n; k++) {
            clientEdge(t, scenario, clientName(k));
        }

        // The shared NATs this layout's peers can sit behind, in declaration order.
        Map<String, Shared> shared = new LinkedHashMap<>();
        String hostShared = sharedOf(hostHops);
        for (Map.Entry<String, ?> declared : net.sharedNats().entrySet()) {
            String name = declared.getKey();
            NatHop hop = usedHop(name, hostHops, clientShapes);
            if (hop == null) {
                continue;
            }
            boolean hostBehind = name.equals(hostShared);
            String node = "shared-" + name;
            String lan = node + "-lan";
            String edge = hostBehind ? "host-edge" : node + "-edge";
            if (!hostBehind) {
                clientEdge(t, scenario, node);
            }
            List<String> addresses = new ArrayList<>();
            if (hop.translates()) {
                for (int a = 0; a < hop.externalAddresses(); a++) {
                    addresses.add(Ipv4.format(plan.publicAddress(hostBehind)));
                }
            }
            t.node(lan);
            t.node(node, addresses.toArray(String[]::new));
            t.link(lan, node, LinkSpec.constant(LAN));
            // The host's line is the shared NAT's when the host sits right behind it (a home NAT).
            boolean homeLine = hostBehind && ownNats(hostHops) == 0;
            t.link(node + "-uplink", node, edge, homeLine ? access(scenario, true) : LinkSpec.constant(LAN));
            shared.put(name, new Shared(name, node, edge, hop));
        }

        Side host = side(t, plan, HOST, true, hostHops, "host-edge", access(scenario, true), shared);
        Side[][] clients = new Side[n][];
        if (net.sameLan()) {
            plan.hostLanSpill();
            for (int k = 0; k < n; k++) {
                String name = clientName(k);
                // On the host's LAN: a private address when the host's NAT translates, a public one beside
                // the host's otherwise.
                t.node(name, Ipv4.format(host.translated() ? host.lan() + 3 + k : plan.publicAddress(true)));
                t.link(name + "-lan-link", name, host.nodes().get(0), LinkSpec.constant(LAN));
                clients[k] = new Side[] {new Side(name, List.of(), List.of(), null, null, host.lan(), host.translated())};
            }
        } else {
            LinkSpec clientAccess = access(scenario, false);
            for (int k = 0; k < n; k++) {
                String name = clientName(k);
                clients[k] = new Side[clientShapes.size()];
                for (int v = 0; v < clientShapes.size(); v++) {
                    List<NatHop> hops = clientShapes.get(v);
                    Side[] into = clients[k];
                    int variant = v;
                    t.copy(v == 0 ? "" : "~" + v, () -> into[variant] = side(t, plan, name, false, hops, name + "-edge",
                            clientAccess, shared));
                }
            }
        }
        Topology topology = t.build();
        if (topology.nodeCount() > MAX_NODES) {
            throw new IllegalArgumentException("a session of " + n + " clients whose NATs take " + clientShapes.size()
                    + " shapes needs " + topology.nodeCount() + " network nodes, more than " + MAX_NODES
                    + ": lower session.clients or draw the clients' NATs from fewer chain shapes");
        }
        return new SiteLayout(topology, host, clients, new IdentityHashMap<>(clientLists), Map.copyOf(shared));
    }

    /** An edge like a client's: its own peer path to the host and placement links to the services. */
    private static void clientEdge(Topology.Builder t, Scenario scenario, String name) {
        NetworkSpec net = scenario.network();
        String edge = name + "-edge";
        // The first client's links keep the names they had when a run had one client.
        boolean first = name.equals(CLIENT);
        t.node(edge);
        t.link(first ? "peer-path" : name + "-peer-path", "host-edge", edge, new LinkSpec(
                LinkModels.direction(net.peerPath().up(), List.of()),
                LinkModels.direction(net.peerPath().down(), List.of())), BETWEEN_SITES);
        t.link(name + "-cloud", edge, "cloud-site", placement(net.cloud().fromClient()), BETWEEN_SITES);
        t.link(name + "-stun", edge, "stun-site", placement(net.stun().fromClient()), BETWEEN_SITES);
    }

    private static String sharedOf(List<NatHop> hops) {
        return hops.isEmpty() ? null : hops.get(hops.size() - 1).shared();
    }

    /** The hop of shared NAT {@code name} if the host's chain or any client shape ends in it. */
    private static NatHop usedHop(String name, List<NatHop> hostHops, List<List<NatHop>> clientShapes) {
        if (name.equals(sharedOf(hostHops))) {
            return hostHops.get(hostHops.size() - 1);
        }
        for (List<NatHop> hops : clientShapes) {
            if (name.equals(sharedOf(hops))) {
                return hops.get(hops.size() - 1);
            }
        }
        return null;
    }

    /** How many of the chain's NATs before any shared one get a node of their own. */
    private static int ownNats(List<NatHop> hops) {
        int count = 0;
        for (NatHop hop : hops) {
            if (hop.shared() == null && !hop.isPassThrough()) {
                count++;
            }
        }
        return count;
    }

    /**
     * Declares a peer and the NATs of its own, from the peer outward, and links the outermost to
     * {@code edge} over {@code access} or, when its chain ends in a shared NAT, to that NAT's LAN.
     * The peer has a private address on its LAN when some NAT translates for it, a public one
     * otherwise (a firewall or no middlebox at all).
     */
    private static Side side(Topology.Builder t, AddressPlan plan, String peer, boolean hostSide, List<NatHop> hops,
            String edge, LinkSpec access, Map<String, Shared> shared) {
        String sharedName = sharedOf(hops);
        Shared behind = sharedName == null ? null : shared.get(sharedName);
        int own = behind == null ? hops.size() : hops.size() - 1;
        int lastTranslating = -1;
        for (int i = 0; i < own; i++) {
            if (hops.get(i).translates()) {
                lastTranslating = i;
            }
        }
        boolean translatedBeyond = behind != null && behind.hop().translates();
        int lanAddress = plan.lan();

        List<String> names = new ArrayList<>();
        List<Integer> hopIndex = new ArrayList<>();
        // The LAN switch: the peer and, with same-lan, the clients hang off it.
        String lan = peer + "-lan";
        t.node(lan);
        names.add(t.named(lan));
        hopIndex.add(-1);
        for (int i = 0; i < own; i++) {
            NatHop hop = hops.get(i);
            if (hop.isPassThrough()) {
                continue;
            }
            String name = peer + "-nat-" + i;
            List<String> addresses = new ArrayList<>();
            if (hop.translates()) {
                for (int a = 0; a < hop.externalAddresses(); a++) {
                    int address = i == lastTranslating && !translatedBeyond
                            ? plan.publicAddress(hostSide) : plan.carrierAddress();
                    addresses.add(Ipv4.format(address));
                }
            }
            t.node(name, addresses.toArray(String[]::new));
            t.link(names.get(names.size() - 1), t.named(name), LinkSpec.constant(LAN));
            names.add(t.named(name));
            hopIndex.add(i);
        }
        boolean translated = lastTranslating >= 0 || translatedBeyond;
        t.node(peer, Ipv4.format(translated ? lanAddress + 2 : plan.publicAddress(hostSide)));
        t.link(peer + "-lan-link", t.named(peer), names.get(0), LinkSpec.constant(LAN));

        String outermost = names.get(names.size() - 1);
        String outside;
        if (behind == null) {
            outside = edge;
            t.link(peer + "-access", outermost, edge, access);
        } else {
            outside = behind.node() + "-lan";
            boolean direct = names.size() == 1;
            if (direct) {
                // Right on the shared NAT's LAN; the host's line is then the shared NAT's own.
                t.link(peer + "-" + outside, outermost, outside, LinkSpec.constant(LAN));
            } else {
                t.link(peer + "-access", outermost, outside, access);
            }
        }
        return new Side(t.named(peer), List.copyOf(names), List.copyOf(hopIndex), outside, sharedName, lanAddress,
                translated);
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
