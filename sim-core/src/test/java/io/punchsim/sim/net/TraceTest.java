package io.punchsim.sim.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.link.DirectionSpec;
import io.punchsim.sim.link.LatencyModel;
import io.punchsim.sim.link.LinkSpec;
import io.punchsim.sim.link.LossModel;
import io.punchsim.sim.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {

    private static final long MS = 1_000_000L;

    /** Records every event as text. */
    private static final class Recorder implements TraceListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onSend(long now, String node, Datagram d) {
            events.add(now + " send " + node + " #" + d.id());
        }

        @Override
        public void onHop(long now, String from, String to, Datagram d) {
            events.add(now + " hop " + from + ">" + to + " #" + d.id());
        }

        @Override
        public void onDeliver(long now, String node, Datagram d) {
            events.add(now + " deliver " + node + " #" + d.id());
        }

        @Override
        public void onDrop(long now, String node, Datagram d, DropReason reason) {
            events.add(now + " drop " + node + " #" + d.id() + " " + reason);
        }
    }

    private static final DirectionSpec LOSSY = DirectionSpec.of(new LatencyModel.LogNormal(8 * MS, 0.4))
            .withJitter(new LatencyModel.Uniform(0, 3 * MS), false)
            .withLoss(new LossModel.GilbertElliott(0.05, 0.3, 0.01, 0.6))
            .withDuplication(0.02);

    private static Topology.Builder base() {
        return Topology.builder()
                .node("alice", "10.0.0.1")
                .node("core")
                .node("bob", "10.0.0.2")
                .link("alice", "core", LinkSpec.symmetric(LOSSY))
                .link("core", "bob", LinkSpec.symmetric(LOSSY));
    }

    /** Alice and bob echo each other for a while over lossy links; ephemeral ports come from the seed. */
    private static void converse(Network network, int rounds) {
        Host alice = network.host("alice");
        Host bob = network.host("bob");
        UdpSocket[] bobSocket = new UdpSocket[1];
        bobSocket[0] = bob.bindEphemeral(d -> bobSocket[0].send(d.source(), d.payload()));
        UdpSocket aliceSocket = alice.bindEphemeral(d -> {});
        for (int i = 0; i < rounds; i++) {
            byte[] payload = {(byte) i, (byte) (i >> 8)};
            network.scheduler().schedule(i * 2 * MS, () -> aliceSocket.send(bobSocket[0].local(), payload));
        }
    }

    private static TraceDigest digestOf(long seed) {
        Network network = new Network(base().build(), seed);
        TraceDigest digest = new TraceDigest();
        network.trace(digest);
        converse(network, 500);
        network.loop().run();
        return digest;
    }

    @Test
    void sameSeedGivesTheSameDigestAndAnotherSeedAnother() {
        TraceDigest first = digestOf(42);
        TraceDigest again = digestOf(42);
        TraceDigest other = digestOf(43);
        assertThat(again.value()).as("seed 42 twice").isEqualTo(first.value());
        assertThat(again.events()).isEqualTo(first.events());
        assertThat(other.value()).as("seed 42 vs 43").isNotEqualTo(first.value());
    }

    @Test
    void aReusedNetworkReplaysLikeAFreshOne() {
        Network network = new Network(base().build(), 7);
        converse(network, 50);
        network.loop().run();
        network.reset(42);
        TraceDigest digest = new TraceDigest();
        network.trace(digest);
        converse(network, 500);
        network.loop().run();
        assertThat(digest.value()).isEqualTo(digestOf(42).value());
    }

    @Test
    void aReusedNetworkWithOrderKeepingJitterReplaysLikeAFreshOne() {
        // FIFO channels remember their last arrival: a reset must forget it with everything else.
        DirectionSpec fifo = LOSSY.withJitter(new LatencyModel.Uniform(0, 5 * MS), true);
        Topology topology = Topology.builder()
                .node("alice", "10.0.0.1")
                .node("core")
                .node("bob", "10.0.0.2")
                .link("alice", "core", LinkSpec.symmetric(fifo))
                .link("core", "bob", LinkSpec.symmetric(fifo))
                .build();
        Network fresh = new Network(topology, 42);
        TraceDigest expected = new TraceDigest();
        fresh.trace(expected);
        converse(fresh, 300);
        fresh.loop().run();

        Network reused = new Network(topology, 5);
        converse(reused, 300);
        // Stop half way, with datagrams still in flight, as a run cut off early does.
        reused.loop().runUntil(100 * MS);
        reused.reset(42);
        TraceDigest digest = new TraceDigest();
        reused.trace(digest);
        converse(reused, 300);
        reused.loop().run();
        assertThat(digest.events()).isEqualTo(expected.events());
        assertThat(digest.value()).isEqualTo(expected.value());
    }

    @Test
    void addingAComponentElsewhereDoesNotShiftAnotherComponentsDraws() {
        long seed = 11;
        Recorder alone = new Recorder();
        Network small = new Network(base().build(), seed);
        small.trace(alone);
        converse(small, 300);
        small.loop().run();

        // Same network plus carol and dave, busy on their own lossy link the whole time.
        Topology bigger = base()
                .node("carol", "10.0.1.1")
                .node("dave", "10.0.1.2")
                .link("carol", "dave", LinkSpec.symmetric(LOSSY))
                .build();
        Network big = new Network(bigger, seed);
        Recorder crowded = new Recorder();
        List<Long> carolIds = new ArrayList<>();
        Host carol = big.host("carol");
        big.host("dave").bind(1, d -> {});
        UdpSocket carolSocket = carol.bindEphemeral(d -> {});
        converse(big, 300);
        for (int i = 0; i < 300; i++) {
            big.scheduler().schedule(i * MS + 1, () -> carolIds.add(carolSocket.send(Endpoint.of("10.0.1.2", 1), new byte[1]).id()));
        }
        big.trace(new TraceListener() {
            // Keep only events of alice's and bob's datagrams, renumbered as the small run numbers them.
            private final java.util.Map<Long, Long> renumber = new java.util.HashMap<>();

            private Datagram mapped(Datagram d) {
                return new Datagram(renumber.computeIfAbsent(d.id(), k -> (long) renumber.size() + 1), d.source(), d.destination(), d.payload());
            }

            private boolean ours(Datagram d) {
                return d.source().ip() != carolSocket.local().ip() && d.destination().ip() != carolSocket.local().ip();
            }

            @Override
            public void onSend(long now, String node, Datagram d) {
                if (ours(d)) {
                    crowded.onSend(now, node, mapped(d));
                }
            }

            @Override
            public void onHop(long now, String from, String to, Datagram d) {
                if (ours(d)) {
                    crowded.onHop(now, from, to, mapped(d));
                }
            }

            @Override
            public void onDeliver(long now, String node, Datagram d) {
                if (ours(d)) {
                    crowded.onDeliver(now, node, mapped(d));
                }
            }

            @Override
            public void onDrop(long now, String node, Datagram d, DropReason reason) {
                if (ours(d)) {
                    crowded.onDrop(now, node, mapped(d), reason);
                }
            }
        });
        big.loop().run();
        assertThat(carolIds).hasSize(300);
        assertThat(crowded.events).as("seed %d", seed).isEqualTo(alone.events);
    }

    @Test
    void listenerSeesSendHopsDeliveryAndDropsInOrder() {
        Topology topology = Topology.builder()
                .node("alice", "10.0.0.1")
                .node("r1")
                .node("r2")
                .node("bob", "10.0.0.2")
                .link("alice", "r1", LinkSpec.constant(MS))
                .link("r1", "r2", LinkSpec.constant(2 * MS))
                .link("r2", "bob", LinkSpec.constant(3 * MS))
                .build();
        Network network = new Network(topology, 1);
        Recorder recorder = new Recorder();
        network.trace(recorder);
        Host alice = network.host("alice");
        network.host("bob").bind(5, d -> {});
        UdpSocket socket = alice.bind(1, d -> {});
        socket.send(Endpoint.of("10.0.0.2", 5), new byte[0]);
        network.scheduler().schedule(10 * MS, () -> socket.send(Endpoint.of("10.0.0.2", 6), new byte[0]));
        network.loop().run();
        assertThat(recorder.events).containsExactly(
                "0 send alice #1",
                "0 hop alice>r1 #1",
                "1000000 hop r1>r2 #1",
                "3000000 hop r2>bob #1",
                "6000000 deliver bob #1",
                "10000000 send alice #2",
                "10000000 hop alice>r1 #2",
                "11000000 hop r1>r2 #2",
                "13000000 hop r2>bob #2",
                "16000000 drop bob #2 NO_SOCKET");
    }
}
