package io.punchsim.protocol.peer;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.net.Endpoint;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random latencies, loss on every path and variants switched on at random: whatever happens, every run ends with a decided
 * outcome, the attempt schedule holds, and the cloud never relays for a non-member.
 */
class LossyNetworkPropertyTest {

    private static final int RUNS = 400;

    @Test
    void everyRunEndsDecidedAndConsistent() {
        List<Endpoint> nodes = List.of(World.CLOUD, World.STUN, World.HOST, World.CLIENT);
        int connected = 0;
        for (int run = 0; run < RUNS; run++) {
            long seed = 1000 + run;
            SplittableRandom rnd = new SplittableRandom(seed);
            ProtocolConfig config = ProtocolConfig.builder().peerReflexive(rnd.nextBoolean())
                    .localCandidates(rnd.nextBoolean()).portPrediction(rnd.nextBoolean()).predictedPorts(2)
                    .parallelRelay(rnd.nextBoolean()).build();
            World w = new World(config, seed);
            long maxOneWay = 0;
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    long latency = rnd.nextLong(1, 300) * MS;
                    maxOneWay = Math.max(maxOneWay, latency);
                    w.net.latency(nodes.get(i), nodes.get(j), latency);
                }
            }
            double loss = rnd.nextDouble(0, 0.4);
            boolean directBlocked = rnd.nextInt(3) == 0;
            SplittableRandom lossRnd = rnd.split();
            w.net.drop(p -> lossRnd.nextDouble() < loss);
            if (directBlocked) {
                w.net.drop(p -> (p.from().equals(World.CLIENT) && p.to().equals(World.HOST))
                        || (p.from().equals(World.HOST) && p.to().equals(World.CLIENT)));
            }
            w.start(rnd.nextLong(0, 2000) * MS).runUntilClientFinished(300_000 * MS);

            String where = "seed " + seed + ", loss " + loss + ", direct blocked " + directBlocked + ", " + config;
            ConnectionResult r = w.client.result();
            assertThat(r.finished()).as(where).isTrue();
            assertThat(r.outcome()).as(where).isNotEqualTo(Outcome.PENDING);
            assertThat(w.cloud.counters().droppedNonMember()).as(where).isZero();
            if (r.connected()) {
                connected++;
                assertThat(r.attemptIndex()).as(where).isBetween(0, ProtocolConfig.DEFAULTS.attemptLimit() - 1);
                assertThat(r.connectFromK1Nanos()).as(where)
                        .isBetween(0L, 10 * 500 * MS + 4 * maxOneWay);
                assertThat(r.roundTripNanos()).as(where).allMatch(rtt -> rtt > 0 && rtt <= 8 * 300 * MS);
                if (directBlocked) {
                    assertThat(r.outcome()).as(where).isEqualTo(Outcome.RELAYED);
                }
                // An attempt n was direct exactly when n < 2/3 × 10.
                assertThat(r.outcome() == Outcome.DIRECT).as(where).isEqualTo(r.attemptIndex() <= 6
                        && r.outcome() != Outcome.RELAYED);
            } else if (r.failureReason() == FailureReason.ATTEMPTS_EXHAUSTED) {
                assertThat(w.eventTime(Role.CLIENT, Step.K6) - r.k1AtNanos()).as(where)
                        .isEqualTo(5000 * MS);
            }
        }
        // Loss is at most 40%, so most runs must still connect.
        assertThat(connected).isGreaterThan(RUNS / 2);
    }
}
