package io.punchsim.sim.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.link.DirectionSpec;
import io.punchsim.sim.link.Fault;
import io.punchsim.sim.link.LatencyModel;
import io.punchsim.sim.link.LinkSpec;
import io.punchsim.sim.link.LossModel;
import io.punchsim.sim.topology.Topology;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** Link impairments seen end to end through the network. */
class ImpairmentTest {

    private static final long MS = 1_000_000L;

    /** Counts drops by reason. */
    private static final class DropCounter implements TraceListener {
        final Map<DropReason, Integer> counts = new EnumMap<>(DropReason.class);

        @Override
        public void onDrop(long now, String node, Datagram datagram, DropReason reason) {
            counts.merge(reason, 1, Integer::sum);
        }

        int count(DropReason reason) {
            return counts.getOrDefault(reason, 0);
        }
    }

    /** Sends {@code count} datagrams from a to b, one every {@code spacing}, and collects (id, time) arrivals. */
    private static final class Run {
        final Network network;
        final DropCounter drops = new DropCounter();
        final List<long[]> arrivals = new ArrayList<>();

        Run(DirectionSpec aToB, long seed, int count, long spacing) {
            Topology topology = Topology.builder()
                    .node("a", "10.0.0.1")
                    .node("b", "10.0.0.2")
                    .link("a", "b", new LinkSpec(aToB, DirectionSpec.constant(MS)))
                    .build();
            network = new Network(topology, seed);
            network.trace(drops);
            Host a = network.host("a");
            Host b = network.host("b");
            b.bind(9, d -> arrivals.add(new long[] {d.id(), network.now()}));
            UdpSocket socket = a.bind(9, d -> {});
            Endpoint to = Endpoint.of("10.0.0.2", 9);
            byte[] payload = new byte[8];
            for (int i = 0; i < count; i++) {
                network.scheduler().schedule(i * spacing, () -> socket.send(to, payload));
            }
            network.loop().run();
        }
    }

    @Test
    void bernoulliLossFallsInsideTheBinomialInterval() {
        for (double p : new double[] {0.01, 0.1, 0.3}) {
            long seed = 1000 + Math.round(p * 100);
            int n = 100_000;
            Run run = new Run(DirectionSpec.constant(MS).withLoss(LossModel.bernoulli(p)), seed, n, 1000);
            int lost = run.drops.count(DropReason.LOSS);
            // 99.9% two-sided interval of Binomial(n, p).
            BinomialDistribution binomial = new BinomialDistribution(null, n, p);
            int low = binomial.inverseCumulativeProbability(0.0005);
            int high = binomial.inverseCumulativeProbability(0.9995);
            assertThat(lost).as("seed %d, p %.2f", seed, p).isBetween(low, high);
            assertThat(run.arrivals).as("seed %d", seed).hasSize(n - lost);
        }
    }

    @Test
    void duplicationRateFallsInsideTheBinomialInterval() {
        long seed = 555L;
        int n = 50_000;
        double d = 0.05;
        Run run = new Run(DirectionSpec.constant(MS).withDuplication(d), seed, n, 1000);
        int copies = run.arrivals.size() - n;
        BinomialDistribution binomial = new BinomialDistribution(null, n, d);
        assertThat(copies).as("seed %d", seed)
                .isBetween(binomial.inverseCumulativeProbability(0.0005), binomial.inverseCumulativeProbability(0.9995));
    }

    @Test
    void fifoJitterNeverReordersWhileFreeJitterDoes() {
        long seed = 88L;
        DirectionSpec jittery = DirectionSpec.constant(5 * MS);
        LatencyModel jitter = new LatencyModel.Uniform(0, 20 * MS);
        Run fifo = new Run(jittery.withJitter(jitter, true), seed, 2000, MS);
        Run free = new Run(jittery.withJitter(jitter, false), seed, 2000, MS);
        assertThat(inversions(fifo.arrivals)).as("seed %d", seed).isZero();
        // Sent 1 ms apart with up to 20 ms of jitter, many pairs must swap.
        assertThat(inversions(free.arrivals)).as("seed %d", seed).isGreaterThan(100);
        // Delays always stay within latency + jitter bounds; FIFO may only hold a datagram back.
        for (long[] arrival : free.arrivals) {
            long sent = (arrival[0] - 1) * MS;
            assertThat(arrival[1] - sent).isBetween(5 * MS, 25 * MS);
        }
    }

    @Test
    void outageDropsExactlyWhatEntersTheWindow() {
        long seed = 9L;
        // One datagram per ms for 100 ms; the link is down on [20 ms, 50 ms).
        Run run = new Run(DirectionSpec.constant(MS).withFault(new Fault.Outage(20 * MS, 50 * MS)), seed, 100, MS);
        assertThat(run.drops.count(DropReason.LINK_DOWN)).isEqualTo(30);
        for (long[] arrival : run.arrivals) {
            long sent = arrival[1] - MS;
            assertThat(sent < 20 * MS || sent >= 50 * MS).as("sent at %d", sent).isTrue();
        }
        assertThat(run.arrivals).hasSize(70);
    }

    @Test
    void lossBurstLosesOnlyInsideItsWindow() {
        long seed = 12L;
        int n = 40_000;
        // Burst with loss 0.5 on the middle half of the run.
        Run run = new Run(DirectionSpec.constant(MS).withFault(new Fault.LossBurst(10_000 * MS, 30_000 * MS, 0.5)), seed, n, MS);
        long lostOutside = 0;
        boolean[] arrived = new boolean[n + 1];
        for (long[] arrival : run.arrivals) {
            arrived[(int) arrival[0]] = true;
        }
        int lostInside = 0;
        for (int id = 1; id <= n; id++) {
            long sent = (id - 1) * MS;
            boolean inside = sent >= 10_000 * MS && sent < 30_000 * MS;
            if (!arrived[id]) {
                if (inside) {
                    lostInside++;
                } else {
                    lostOutside++;
                }
            }
        }
        assertThat(lostOutside).isZero();
        BinomialDistribution binomial = new BinomialDistribution(null, 20_000, 0.5);
        assertThat(lostInside).as("seed %d", seed)
                .isBetween(binomial.inverseCumulativeProbability(0.0005), binomial.inverseCumulativeProbability(0.9995));
    }

    private static int inversions(List<long[]> arrivals) {
        int count = 0;
        for (int i = 1; i < arrivals.size(); i++) {
            if (arrivals.get(i)[0] < arrivals.get(i - 1)[0]) {
                count++;
            }
        }
        return count;
    }
}
