package io.punchsim.bench;

import io.punchsim.sim.link.LinkSpec;
import io.punchsim.sim.net.Endpoint;
import io.punchsim.sim.net.Host;
import io.punchsim.sim.net.Network;
import io.punchsim.sim.net.UdpSocket;
import io.punchsim.sim.topology.Topology;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A datagram bouncing between two hosts across three links (two routers in between).
 * {@code roundTrip}: one round trip (eight events: six link arrivals and two sends) on a warm network.
 * {@code freshRun}: a whole small run, building the network and hosts from a shared topology and
 * doing ten round trips, the shape of one connection attempt.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PingPongBenchmark {

    static final long MS = 1_000_000L;
    static final Topology TOPOLOGY = Topology.builder()
            .node("alice", "10.0.0.1")
            .node("r1")
            .node("r2")
            .node("bob", "10.0.0.2")
            .link("alice", "r1", LinkSpec.constant(5 * MS))
            .link("r1", "r2", LinkSpec.constant(7 * MS))
            .link("r2", "bob", LinkSpec.constant(11 * MS))
            .build();
    static final Endpoint BOB = Endpoint.of("10.0.0.2", 4000);

    @State(Scope.Thread)
    public static class Warm {
        Network network;
        UdpSocket alice;
        final byte[] payload = new byte[32];
        long received;

        @Setup
        public void setUp() {
            network = new Network(TOPOLOGY, 1);
            wire(this);
        }
    }

    static void wire(Warm state) {
        Host alice = state.network.host("alice");
        Host bob = state.network.host("bob");
        UdpSocket[] echo = new UdpSocket[1];
        echo[0] = bob.bind(BOB.port(), d -> echo[0].send(d.source(), d.payload()));
        state.alice = alice.bind(3000, d -> state.received++);
    }

    @Benchmark
    public long roundTrip(Warm state) {
        state.alice.send(BOB, state.payload);
        state.network.loop().run();
        return state.received;
    }

    @State(Scope.Thread)
    public static class Fresh {
        long seed;
        final byte[] payload = new byte[32];
    }

    @Benchmark
    public long freshRun(Fresh fresh) {
        Warm run = new Warm();
        run.network = new Network(TOPOLOGY, fresh.seed++);
        wire(run);
        for (int i = 0; i < 10; i++) {
            run.alice.send(BOB, fresh.payload);
            run.network.loop().run();
        }
        return run.received;
    }
}
