package io.punchsim.sim.topology;

import io.punchsim.sim.link.LinkSpec;
import io.punchsim.sim.net.Ipv4;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedWeightedMultigraph;

/**
 * The network's shape: named nodes with the IPv4 addresses they own, and links between them.
 *
 * <p>Built once and immutable, so one topology serves any number of runs on any number of threads.
 * Routes are computed at build time: for every pair of nodes, the next link direction on the path of
 * lowest mean latency. Each hop also costs a nanosecond, so among equally fast paths the one with
 * fewer hops wins; remaining ties go to the path found first in declaration order.
 */
public final class Topology {

    /** Per-hop tie-break cost in nanoseconds. */
    private static final double HOP_COST = 1.0;

    private final List<String> names;
    private final List<String> labels;
    private final int nodeCount;
    private final Map<String, Integer> indexByName;
    private final int[][] addresses;
    private final AddressTable owners;
    private final List<Link> links;
    private final Hop[] hops;
    private final int[] channelTarget;
    private final boolean[] idealChannel;
    private final Graph<String, Hop> graph;
    // nextChannel[from * n + to]: channel number of the first hop from -> to, or -1 (also for
    // from == to). One flat array: a route lookup is on every hop of every datagram.
    private final int[] nextChannel;
    private final double[][] distance;

    private Topology(Builder builder) {
        names = List.copyOf(builder.nodes.keySet());
        labels = names.stream().map(n -> builder.labels.getOrDefault(n, n)).toList();
        nodeCount = names.size();
        indexByName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            indexByName.put(names.get(i), i);
        }
        addresses = new int[names.size()][];
        int total = 0;
        for (int i = 0; i < names.size(); i++) {
            addresses[i] = builder.nodes.get(names.get(i)).clone();
            total += addresses[i].length;
        }
        int[] allAddresses = new int[total];
        int[] allOwners = new int[total];
        int k = 0;
        for (int i = 0; i < names.size(); i++) {
            for (int address : addresses[i]) {
                allAddresses[k] = address;
                allOwners[k++] = i;
            }
        }
        owners = new AddressTable(allAddresses, allOwners);
        links = List.copyOf(builder.links);

        DirectedWeightedMultigraph<String, Hop> g = new DirectedWeightedMultigraph<>(Hop.class);
        names.forEach(g::addVertex);
        hops = new Hop[links.size() * 2];
        for (Link link : links) {
            Hop forward = new Hop(link.index(), true, link.a(), link.b());
            Hop backward = new Hop(link.index(), false, link.b(), link.a());
            hops[forward.channel()] = forward;
            hops[backward.channel()] = backward;
            g.addEdge(link.a(), link.b(), forward);
            g.setEdgeWeight(forward, link.spec().forward().meanDelay() + HOP_COST + link.routingPenalty());
            g.addEdge(link.b(), link.a(), backward);
            g.setEdgeWeight(backward, link.spec().backward().meanDelay() + HOP_COST + link.routingPenalty());
        }
        graph = new AsUnmodifiableGraph<>(g);
        channelTarget = new int[hops.length];
        idealChannel = new boolean[hops.length];
        for (int c = 0; c < hops.length; c++) {
            channelTarget[c] = indexByName.get(hops[c].to());
            idealChannel[c] = links.get(hops[c].link()).spec().direction(hops[c].forward()).isIdeal();
        }

        int n = names.size();
        nextChannel = new int[n * n];
        Arrays.fill(nextChannel, -1);
        distance = new double[n][n];
        DijkstraShortestPath<String, Hop> dijkstra = new DijkstraShortestPath<>(g);
        for (int from = 0; from < n; from++) {
            Arrays.fill(distance[from], Double.POSITIVE_INFINITY);
            distance[from][from] = 0;
            var paths = dijkstra.getPaths(names.get(from));
            for (int to = 0; to < n; to++) {
                if (to == from) {
                    continue;
                }
                GraphPath<String, Hop> path = paths.getPath(names.get(to));
                if (path != null && !path.getEdgeList().isEmpty()) {
                    nextChannel[from * n + to] = path.getEdgeList().get(0).channel();
                    double sum = 0;
                    for (Hop hop : path.getEdgeList()) {
                        sum += links.get(hop.link()).spec().direction(hop.forward()).meanDelay();
                    }
                    distance[from][to] = sum;
                }
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int nodeCount() {
        return names.size();
    }

    public List<String> nodeNames() {
        return names;
    }

    public String nodeName(int index) {
        return names.get(index);
    }

    /**
     * What streams and traces call the node: its name, or for a copy (see {@link Builder#copy}) the
     * name of what it is a copy of.
     */
    public String nodeLabel(int index) {
        return labels.get(index);
    }

    /** Index of the named node; throws for an unknown name. */
    public int nodeIndex(String name) {
        Integer index = indexByName.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no node named '" + name + "'");
        }
        return index;
    }

    /** The addresses the node owns (a copy). */
    public int[] addresses(int node) {
        return addresses[node].clone();
    }

    /** Index of the node that owns {@code address}, or -1 when none does. */
    public int ownerOf(int address) {
        return owners.get(address);
    }

    public List<Link> links() {
        return links;
    }

    /** Number of link directions (twice the number of links). */
    public int channelCount() {
        return hops.length;
    }

    public Hop hop(int channel) {
        return hops[channel];
    }

    /** Index of the node a link direction leads to. */
    public int channelTarget(int channel) {
        return channelTarget[channel];
    }

    /** Whether the channel does nothing to a datagram (see {@link io.punchsim.sim.link.DirectionSpec#isIdeal}). */
    public boolean isIdeal(int channel) {
        return idealChannel[channel];
    }

    /** Channel number of the first hop on the route from one node toward another, or -1 when none. */
    public int nextChannel(int from, int to) {
        return nextChannel[from * nodeCount + to];
    }

    /** Sum of mean one-way delays along the chosen route, infinite when unreachable. */
    public double routeMeanDelay(String from, String to) {
        return distance[nodeIndex(from)][nodeIndex(to)];
    }

    /** The node names along the chosen route, both ends included; empty when unreachable. */
    public List<String> route(String from, String to) {
        int at = nodeIndex(from);
        int target = nodeIndex(to);
        List<String> path = new ArrayList<>();
        path.add(from);
        while (at != target) {
            int channel = nextChannel(at, target);
            if (channel < 0) {
                return List.of();
            }
            at = nodeIndex(hops[channel].to());
            path.add(names.get(at));
        }
        return Collections.unmodifiableList(path);
    }

    /** The directed graph: one vertex per node, one edge per link direction, weighted by mean delay. */
    public Graph<String, Hop> graph() {
        return graph;
    }

    /** Collects nodes and links; {@link #build()} computes the routes. */
    public static final class Builder {
        private final Map<String, int[]> nodes = new LinkedHashMap<>();
        private final Map<String, String> labels = new HashMap<>();
        private final List<Link> links = new ArrayList<>();
        private final java.util.Set<String> linkNames = new java.util.HashSet<>();
        private String copyLabel;
        private String copySuffix;

        /**
         * Declares the nodes and links {@code body} adds as one copy of a part of the network of
         * which a run uses one (say, each shape a peer's NAT chain can take): they are named with
         * {@code suffix} appended, so copies stay apart, but labelled without it, so that the copy a
         * run uses draws from the same streams and shows the same names in traces as any other.
         * The copies must own different addresses.
         */
        public Builder copy(String suffix, Runnable body) {
            if (copySuffix != null) {
                throw new IllegalStateException("copies do not nest");
            }
            if (suffix.isEmpty()) {
                body.run();
                return this;
            }
            copySuffix = suffix;
            try {
                body.run();
            } finally {
                copySuffix = null;
            }
            return this;
        }

        /** The name a node or link declared now as {@code label} gets: the label, or in a copy the label and its suffix. */
        public String named(String label) {
            return copySuffix == null ? label : label + copySuffix;
        }

        /** A node owning the given dotted-quad addresses (a router may own none). */
        public Builder node(String name, String... ownedAddresses) {
            int[] parsed = new int[ownedAddresses.length];
            for (int i = 0; i < parsed.length; i++) {
                parsed[i] = Ipv4.parse(ownedAddresses[i]);
            }
            return node(name, parsed);
        }

        public Builder node(String label, int[] ownedAddresses) {
            String name = named(label);
            if (nodes.containsKey(name)) {
                throw new IllegalArgumentException("node declared twice: " + name);
            }
            nodes.put(name, ownedAddresses.clone());
            if (!name.equals(label)) {
                labels.put(name, label);
            }
            return this;
        }

        /** A link named "a-b" (by the ends' labels; in a copy, with the copy's suffix). */
        public Builder link(String a, String b, LinkSpec spec) {
            return link(labels.getOrDefault(a, a) + "-" + labels.getOrDefault(b, b), a, b, spec);
        }

        public Builder link(String name, String a, String b, LinkSpec spec) {
            return link(name, a, b, spec, 0);
        }

        /**
         * A link whose weight in route computation carries an extra {@code routingPenalty} (see
         * {@link Link}). Inside {@link #copy} the link's name gets the copy's suffix; its ends are
         * names as declared (use {@link #named} for a node of the same copy).
         */
        public Builder link(String label, String a, String b, LinkSpec spec, double routingPenalty) {
            String name = named(label);
            if (!(routingPenalty >= 0) || Double.isInfinite(routingPenalty)) {
                throw new IllegalArgumentException("routing penalty must be finite and non-negative: " + routingPenalty);
            }
            if (!nodes.containsKey(a) || !nodes.containsKey(b)) {
                throw new IllegalArgumentException("link " + name + " joins an undeclared node");
            }
            if (a.equals(b)) {
                throw new IllegalArgumentException("link " + name + " joins a node to itself");
            }
            if (!linkNames.add(name)) {
                throw new IllegalArgumentException("link declared twice: " + name);
            }
            links.add(new Link(links.size(), name, label, a, b, spec, routingPenalty));
            return this;
        }

        public Topology build() {
            return new Topology(this);
        }
    }
}
