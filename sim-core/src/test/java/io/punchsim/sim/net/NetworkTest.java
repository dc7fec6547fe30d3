package io.punchsim.sim.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.link.DirectionSpec;
import io.punchsim.sim.link.LinkSpec;
import io.punchsim.sim.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static final long MS = 1_000_000L;

    /** Records drops by reason. */
    private static final class Drops implements TraceListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onDrop(long now, String node, Datagram datagram, DropReason reason) {
            seen.add(node + ":" + reason);
        }
    }

    /** alice - r1 - r2 - bob, constant links of 5, 7 and 11 ms. */
    private static Topology line() {
        return Topology.builder()
                .node("alice", "10.0.0.1")
                .node("r1")
                .node("r2")
                .node("bob", "10.0.0.2")
                .link("alice", "r1", LinkSpec.constant(5 * MS))
                .link("r1", "r2", LinkSpec.constant(7 * MS))
                .link("r2", "bob", LinkSpec.constant(11 * MS))
                .build();
    }

    @Test
    void multiHopDeliveryTakesTheSumOfTheLinkLatencies() {
        Network network = new Network(line(), 1);
        Host alice = network.host("alice");
        Host bob = network.host("bob");
        List<Long> arrivals = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        UdpSocket bobSocket = bob.bind(4000, d -> {
            arrivals.add(network.now());
            payloads.add(new String(d.payload(), StandardCharsets.UTF_8));
        });
        UdpSocket aliceSocket = alice.bind(3000, d -> {});
        network.scheduler().schedule(2 * MS, () -> aliceSocket.send(bobSocket.local(), "hello".getBytes(StandardCharsets.UTF_8)));
        network.loop().run();
        assertThat(arrivals).containsExactly(2 * MS + 5 * MS + 7 * MS + 11 * MS);
        assertThat(payloads).containsExactly("hello");
    }

    @Test
    void pingPongRoundTripIsTwiceThePath() {
        Network network = new Network(line(), 1);
        Host alice = network.host("alice");
        Host bob = network.host("bob");
        List<Long> replies = new ArrayList<>();
        UdpSocket[] bobSocket = new UdpSocket[1];
        bobSocket[0] = bob.bind(4000, d -> bobSocket[0].send(d.source(), d.payload()));
        UdpSocket aliceSocket = alice.bindEphemeral(d -> replies.add(network.now()));
        aliceSocket.send(Endpoint.of("10.0.0.2", 4000), new byte[] {1});
        network.loop().run();
        assertThat(replies).containsExactly(2 * 23 * MS);
        assertThat(aliceSocket.local().port()).isBetween(Host.EPHEMERAL_FIRST, Host.EPHEMERAL_LAST);
    }

    @Test
    void idealLinksAddNoTimeAndNoHandlerRunsInsideAnother() {
        // alice and bob on one switch over zero-delay wires, each echoing what it hears: the network
        // crosses the wires within the sending event, but must still hand each host its datagram
        // through the event loop.
        Topology topology = Topology.builder()
                .node("alice", "10.0.0.1")
                .node("switch")
                .node("bob", "10.0.0.2")
                .link("alice", "switch", LinkSpec.constant(0))
                .link("switch", "bob", LinkSpec.constant(0))
                .build();
        assertThat(topology.isIdeal(0)).isTrue();
        Network network = new Network(topology, 1);
        int[] depth = {0};
        int[] deepest = {0};
        List<Long> times = new ArrayList<>();
        UdpSocket[] sockets = new UdpSocket[2];
        ReceiveHandler echo = d -> {
            depth[0]++;
            deepest[0] = Math.max(deepest[0], depth[0]);
            times.add(network.now());
            if (d.payload()[0] < 10) {
                UdpSocket self = d.destination().ip() == sockets[0].local().ip() ? sockets[0] : sockets[1];
                self.send(d.source(), new byte[] {(byte) (d.payload()[0] + 1)});
            }
            depth[0]--;
        };
        sockets[0] = network.host("alice").bind(7, echo);
        sockets[1] = network.host("bob").bind(7, echo);
        network.scheduler().schedule(3 * MS, () -> sockets[0].send(sockets[1].local(), new byte[] {0}));
        network.loop().run();
        assertThat(times).hasSize(11).containsOnly(3 * MS);
        assertThat(deepest[0]).as("handlers nested").isEqualTo(1);
    }

    @Test
    void aLinkWithAnyImpairmentIsNotIdeal() {
        DirectionSpec zero = DirectionSpec.constant(0);
        assertThat(zero.isIdeal()).isTrue();
        assertThat(DirectionSpec.constant(1).isIdeal()).isFalse();
        assertThat(zero.withLoss(new io.punchsim.sim.link.LossModel.Bernoulli(0.01)).isIdeal()).isFalse();
        assertThat(zero.withDuplication(0.01).isIdeal()).isFalse();
        assertThat(zero.withJitter(new io.punchsim.sim.link.LatencyModel.Uniform(0, 1), true).isIdeal()).isFalse();
        assertThat(zero.withFault(new io.punchsim.sim.link.Fault.Outage(0, 1)).isIdeal()).isFalse();
    }

    @Test
    void routesFollowTheLowestLatencyPathNotTheFewestHops() {
        // Direct a-b is 50 ms; a-c-b is 10 + 10 ms.
        Topology topology = Topology.builder()
                .node("a", "10.0.0.1")
                .node("b", "10.0.0.2")
                .node("c")
                .link("a", "b", LinkSpec.constant(50 * MS))
                .link("a", "c", LinkSpec.constant(10 * MS))
                .link("c", "b", LinkSpec.constant(10 * MS))
                .build();
        assertThat(topology.route("a", "b")).containsExactly("a", "c", "b");
        Network network = new Network(topology, 3);
        Host a = network.host("a");
        Host b = network.host("b");
        List<Long> arrivals = new ArrayList<>();
        b.bind(9, d -> arrivals.add(network.now()));
        a.bind(9, d -> {}).send(Endpoint.of("10.0.0.2", 9), new byte[0]);
        network.loop().run();
        assertThat(arrivals).containsExactly(20 * MS);
    }

    @Test
    void eachDirectionUsesItsOwnLatency() {
        Topology topology = Topology.builder()
                .node("a", "10.0.0.1")
                .node("b", "10.0.0.2")
                .link("a", "b", new LinkSpec(DirectionSpec.constant(3 * MS), DirectionSpec.constant(8 * MS)))
                .build();
        Network network = new Network(topology, 3);
        Host a = network.host("a");
        Host b = network.host("b");
        List<String> log = new ArrayList<>();
        UdpSocket[] bs = new UdpSocket[1];
        bs[0] = b.bind(2, d -> {
            log.add("b@" + network.now());
            bs[0].send(d.source(), d.payload());
        });
        a.bind(1, d -> log.add("a@" + network.now())).send(bs[0].local(), new byte[0]);
        network.loop().run();
        assertThat(log).containsExactly("b@" + 3 * MS, "a@" + 11 * MS);
    }

    @Test
    void unboundPortIsDroppedWithNoSocket() {
        Network network = new Network(line(), 1);
        Drops drops = new Drops();
        network.trace(drops);
        Host alice = network.host("alice");
        network.host("bob");
        alice.bind(1, d -> {}).send(Endpoint.of("10.0.0.2", 5555), new byte[0]);
        network.loop().run();
        assertThat(drops.seen).containsExactly("bob:NO_SOCKET");
    }

    @Test
    void unknownAddressIsDroppedWithNoRouteAtTheSender() {
        Network network = new Network(line(), 1);
        Drops drops = new Drops();
        network.trace(drops);
        Host alice = network.host("alice");
        network.host("bob");
        alice.bind(1, d -> {}).send(Endpoint.of("192.0.2.1", 80), new byte[0]);
        network.loop().run();
        assertThat(drops.seen).containsExactly("alice:NO_ROUTE");
    }

    @Test
    void disconnectedNodeIsUnreachable() {
        Topology topology = Topology.builder()
                .node("a", "10.0.0.1")
                .node("island", "10.9.9.9")
                .build();
        Network network = new Network(topology, 1);
        Drops drops = new Drops();
        network.trace(drops);
        Host a = network.host("a");
        network.host("island");
        a.bind(1, d -> {}).send(Endpoint.of("10.9.9.9", 1), new byte[0]);
        network.loop().run();
        assertThat(drops.seen).containsExactly("a:NO_ROUTE");
        assertThat(topology.route("a", "island")).isEmpty();
    }

    @Test
    void aHostDoesNotForwardTrafficForOthers() {
        // bob sits between alice and carol but is a host: alice's datagram for carol dies at bob.
        Topology topology = Topology.builder()
                .node("alice", "10.0.0.1")
                .node("bob", "10.0.0.2")
                .node("carol", "10.0.0.3")
                .link("alice", "bob", LinkSpec.constant(MS))
                .link("bob", "carol", LinkSpec.constant(MS))
                .build();
        Network network = new Network(topology, 1);
        Drops drops = new Drops();
        network.trace(drops);
        Host alice = network.host("alice");
        network.host("bob");
        network.host("carol").bind(7, d -> {});
        alice.bind(1, d -> {}).send(Endpoint.of("10.0.0.3", 7), new byte[0]);
        network.loop().run();
        assertThat(drops.seen).containsExactly("bob:NO_ROUTE");
    }

    @Test
    void aNodeCanRewriteAndForward() {
        // A minimal address-rewriting node: whatever arrives for 10.0.0.100 goes on to bob's 10.0.0.2.
        Topology topology = Topology.builder()
                .node("alice", "10.0.0.1")
                .node("box", "10.0.0.100")
                .node("bob", "10.0.0.2")
                .link("alice", "box", LinkSpec.constant(MS))
                .link("box", "bob", LinkSpec.constant(2 * MS))
                .build();
        Network network = new Network(topology, 1);
        List<Node> froms = new ArrayList<>();
        Node box = network.bind("box", new Node() {
            private NodeContext context;

            @Override
            public void attach(NodeContext newContext) {
                context = newContext;
            }

            @Override
            public void receive(Datagram datagram, Node from) {
                froms.add(from);
                context.forward(datagram.withDestination(Endpoint.of("10.0.0.2", 9)));
            }
        });
        Host alice = network.host("alice");
        List<String> got = new ArrayList<>();
        network.host("bob").bind(9, d -> got.add(d.destination() + "@" + network.now()));
        alice.bind(1, d -> {}).send(Endpoint.of("10.0.0.100", 1), new byte[0]);
        network.loop().run();
        assertThat(got).containsExactly("10.0.0.2:9@" + 3 * MS);
        assertThat(froms).containsExactly(network.node("alice"));
        assertThat(box).isSameAs(network.node("box"));
    }

    @Test
    void loopbackDeliversWithoutALink() {
        Network network = new Network(line(), 1);
        Host alice = network.host("alice");
        List<Long> got = new ArrayList<>();
        UdpSocket receiver = alice.bind(2, d -> got.add(network.now()));
        network.scheduler().schedule(MS, () -> alice.bind(1, d -> {}).send(receiver.local(), new byte[0]));
        network.loop().run();
        assertThat(got).containsExactly(MS);
    }

    @Test
    void resetStartsAFreshRun() {
        Network network = new Network(line(), 1);
        network.host("alice").bind(1, d -> {}).send(Endpoint.of("10.0.0.2", 9), new byte[0]);
        network.reset(2);
        assertThat(network.loop().pending()).isZero();
        assertThat(network.now()).isZero();
        Host alice = network.host("alice");
        List<Long> got = new ArrayList<>();
        network.host("bob").bind(9, d -> got.add(network.now()));
        alice.bind(1, d -> {}).send(Endpoint.of("10.0.0.2", 9), new byte[0]);
        network.loop().run();
        assertThat(got).containsExactly(23 * MS);
    }

    /** Two paths from alice, each over random links: a run uses one of them, chosen by its seed. */
    private static Topology fork() {
        LinkSpec random = LinkSpec.symmetric(DirectionSpec.of(new io.punchsim.sim.link.LatencyModel.LogNormal(10 * MS, 0.5))
                .withJitter(new io.punchsim.sim.link.LatencyModel.Uniform(0, 2 * MS), false)
                .withLoss(io.punchsim.sim.link.LossModel.bernoulli(0.2)));
        return Topology.builder()
                .node("alice", "10.0.0.1")
                .node("r")
                .node("bob", "10.0.0.2")
                .node("carol", "10.0.0.3")
                .link("alice", "r", random)
                .link("r", "bob", random)
                .link("r", "carol", random)
                .build();
    }

    /** What a run of {@code seed} on {@code network} sees: 20 datagrams to bob or to carol, as the seed says. */
    private static List<String> forkRun(Network network, long seed) {
        Host alice = host(network, "alice");
        List<String> got = new ArrayList<>();
        host(network, "bob").bind(9, d -> got.add("bob@" + network.now()));
        host(network, "carol").bind(9, d -> got.add("carol@" + network.now()));
        String to = seed % 3 == 0 ? "10.0.0.3" : "10.0.0.2";
        UdpSocket socket = alice.bindEphemeral(d -> {});
        got.add("port " + socket.local().port());
        for (int i = 0; i < 20; i++) {
            long at = i * MS;
            network.scheduler().schedule(at, () -> socket.send(Endpoint.of(to, 9), new byte[0]));
        }
        network.loop().run();
        return got;
    }

    /** The named node bound to a host: the one of the last run, reused, if there was one. */
    private static Host host(Network network, String name) {
        int index = network.topology().nodeIndex(name);
        return network.bind(index, network.previous(index) instanceof Host earlier ? earlier.reuse() : new Host());
    }

    @Test
    void aNetworkResetRunAfterRunGivesWhatAFreshOneGivesWhicheverLinksEachRunUses() {
        Network reused = new Network(fork(), 0);
        for (long seed = 1; seed <= 30; seed++) {
            reused.reset(seed);
            assertThat(forkRun(reused, seed)).as("seed %d", seed).isEqualTo(forkRun(new Network(fork(), seed), seed));
        }
    }
}
