package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Measurement;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.load.ScenarioLoader;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strategies lan-stage, relay-without-reflexive and relay-first on the simulated network,
 * against times worked out from the links' constant latencies and the spec's schedule (attempts at
 * K1 + n x 500 ms, the relay from attempt 7), never from the code's own output.
 */
class StrategiesRunTest {

    private static final long MS = 1_000_000L;
    private static final int SEEDS = 10;

    private static PreparedPoint point(String yaml) throws Exception {
        return PreparedPoint.of(ScenarioLoader.load("strategies.yaml", yaml).points().get(0));
    }

    // --- lan-stage ---

    private static PreparedPoint sameLan(boolean lanStage) throws Exception {
        return point("""
                name: lan-stage
                network: {same-lan: true, cloud: {latency: 25ms}}
                host: {nat: {preset: port-restricted-cone, hairpinning: false}, link: {latency: 7ms}, startup-delay: 0s}
                client: {startup-delay: 0s, join-delay: 300ms}
                protocol: {variants: {lan-stage: %s}}
                """.formatted(lanStage));
    }

    @Test
    void lanStageConnectsTwoPeersOnOneLanDirectlyOnAttemptZeroInTheLansRoundTrip() throws Exception {
        PreparedPoint point = sameLan(true);
        // client -> LAN switch -> host and back: the layout's LAN links take no time, so the LAN
        // round trip is 2 x (0 + 0) ms; any path through the NAT would cost at least 2 x 7 ms.
        long lanRoundTrip = 0;
        everySeedConnects(point, Outcome.DIRECT, 0, lanRoundTrip);
    }

    @Test
    void withoutTheLanStageTheSameLanWithoutHairpinningRelays() throws Exception {
        PreparedPoint point = sameLan(false);
        // Both peers reach the cloud over the host's access link (7 ms) and placement (25 ms).
        long expected = 7 * 500 * MS + 4 * (7 + 25) * MS;
        everySeedConnects(point, Outcome.RELAYED, 7, expected);
    }

    // --- relay-without-reflexive ---

    /** The STUN server's link is down from 1 s: the host has its reflexive address by then, the client (joining at 2 s) never gets one. */
    private static PreparedPoint clientWithoutStun(boolean relayWithoutReflexive) throws Exception {
        return point("""
                name: stun-down
                host: {nat: port-restricted-cone, link: {latency: 12ms}, startup-delay: 0s}
                client: {nat: port-restricted-cone, link: {latency: 7ms}, startup-delay: 0s, join-delay: 2s}
                network: {cloud: {from-host: 25ms, from-client: 40ms}, stun: {latency: 20ms}}
                faults:
                  - link-down: {link: stun, from: 1s, to: 10m}
                protocol: {variants: {relay-without-reflexive: %s}}
                """.formatted(relayWithoutReflexive));
    }

    @Test
    void relayWithoutReflexiveRelaysAtOnceWhenTheClientsStunFails() throws Exception {
        PreparedPoint point = clientWithoutStun(true);
        // client -> cloud -> host -> cloud -> client: 2 x (7 + 40) + 2 x (12 + 25) ms, from attempt 0.
        long relayRoundTrip = (2 * (7 + 40) + 2 * (12 + 25)) * MS;
        everySeedConnects(point, Outcome.RELAYED, 0, relayRoundTrip);
    }

    @Test
    void withoutTheSwitchTheClientWhoseStunFailsFails() throws Exception {
        PreparedPoint point = clientWithoutStun(false);
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunOutcome run = ConnectionRun.run(point, seed);
            assertThat(run.outcome()).as("seed %d", seed).isEqualTo(Outcome.FAILED);
            assertThat(run.failureReason()).as("seed %d", seed).isEqualTo(FailureReason.STUN_FAILED);
        }
    }

    // --- relay-first ---

    private static PreparedPoint relayFirst(String hostNat, String peerPath, boolean gamePhase) throws Exception {
        return point("""
                name: relay-first
                host: {nat: %s, link: {latency: 12ms}, startup-delay: 0s}
                client: {nat: full-cone, link: {latency: 7ms}, startup-delay: 0s, join-delay: 300ms}
                network: {peer-path: {latency: %s}, cloud: {from-host: 25ms, from-client: 40ms}, stun: {latency: 20ms}}
                protocol: {variants: {relay-first: true}, game-phase: {enabled: %s}}
                """.formatted(hostNat, peerPath, gamePhase));
    }

    private static final long RELAY_ROUND_TRIP = (2 * (7 + 40) + 2 * (12 + 25)) * MS;

    /** client -> its access link -> the peer path -> the host's access link, and back. */
    private static long directRoundTrip(long peerPathMs) {
        return 2 * (7 + peerPathMs + 12) * MS;
    }

    @ParameterizedTest(name = "game phase {0}")
    @ValueSource(booleans = {false, true})
    void relayFirstConnectsThroughTheRelayAndUpgradesAfterTheDirectRoundTrip(boolean gamePhase) throws Exception {
        // A peer path of 100 ms each way makes the direct round trip (238 ms) longer than the relayed one (168 ms).
        PreparedPoint point = relayFirst("full-cone", "100ms", gamePhase);
        PointAggregate aggregate = new PointAggregate();
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunOutcome run = ConnectionRun.run(point, seed);
            aggregate.add(run);
            assertThat(run.outcome()).as("seed %d", seed).isEqualTo(Outcome.DIRECT);
            assertThat(run.attemptIndex()).as("seed %d", seed).isZero();
            assertThat(run.connectNanosFromK1()).as("seed %d", seed).isEqualTo(RELAY_ROUND_TRIP);
            assertThat(run.upgradeNanosFromK1()).as("seed %d", seed).isEqualTo(directRoundTrip(100));
            if (gamePhase) {
                // 30 Hz from the relayed connection at 168 ms: the updates of 168, 201 and 235 ms went
                // through the relay before the upgrade at 238 ms, and each came back a relay round trip later.
                assertThat(run.rttBeforeUpgrade().samples()).as("seed %d", seed).isEqualTo(3);
                assertThat(run.rttBeforeUpgrade().maxNanos()).as("seed %d", seed).isEqualTo(RELAY_ROUND_TRIP);
                assertThat(run.rtt().meanNanos()).as("seed %d", seed).isEqualTo(directRoundTrip(100));
            }
        }
        // The report's metrics read the same figures.
        assertThat(((Measurement.Share) Metrics.UPGRADED_RATE.measure(aggregate)).proportion().estimate()).isEqualTo(1.0);
        assertThat(((Measurement.Amount) Metrics.TIME_TO_DIRECT_P50.measure(aggregate)).value())
                .isCloseTo(directRoundTrip(100), Percentage.withPercentage(0.1));
        assertThat(((Measurement.Amount) Metrics.TIME_TO_DIRECT_P95.measure(aggregate)).value())
                .isCloseTo(directRoundTrip(100), Percentage.withPercentage(0.1));
        if (gamePhase) {
            assertThat(((Measurement.Amount) Metrics.RTT_BEFORE_UPGRADE_MEAN.measure(aggregate)).value()).isEqualTo(RELAY_ROUND_TRIP);
            assertThat(((Measurement.Amount) Metrics.RTT_AFTER_UPGRADE_MEAN.measure(aggregate)).value())
                    .isEqualTo(directRoundTrip(100));
        }
    }

    @Test
    void relayFirstTakesADirectAcceptThatComesBeforeTheRelayedOneWithoutAnUpgrade() throws Exception {
        // An instant peer path: the direct round trip (38 ms) beats the relayed one.
        PreparedPoint point = relayFirst("full-cone", "0ms", false);
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunOutcome run = ConnectionRun.run(point, seed);
            assertThat(run.outcome()).as("seed %d", seed).isEqualTo(Outcome.DIRECT);
            assertThat(run.connectNanosFromK1()).as("seed %d", seed).isEqualTo(directRoundTrip(0));
            assertThat(run.upgraded()).as("seed %d", seed).isFalse();
        }
    }

    @Test
    void relayFirstNeverUpgradesASymmetricHost() throws Exception {
        PreparedPoint point = relayFirst("symmetric", "100ms", true);
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunOutcome run = ConnectionRun.run(point, seed);
            assertThat(run.outcome()).as("seed %d", seed).isEqualTo(Outcome.RELAYED);
            assertThat(run.attemptIndex()).as("seed %d", seed).isZero();
            assertThat(run.connectNanosFromK1()).as("seed %d", seed).isEqualTo(RELAY_ROUND_TRIP);
            assertThat(run.upgraded()).as("seed %d", seed).isFalse();
            assertThat(run.rtt().meanNanos()).as("seed %d", seed).isEqualTo(RELAY_ROUND_TRIP);
        }
    }

    /** Every seed's run ends {@code outcome} at {@code attempt}, {@code fromK1} after K1. */
    private static void everySeedConnects(PreparedPoint point, Outcome outcome, int attempt, long fromK1) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunOutcome run = ConnectionRun.run(point, seed);
            assertThat(run.outcome()).as("seed %d", seed).isEqualTo(outcome);
            assertThat(run.attemptIndex()).as("seed %d", seed).isEqualTo(attempt);
            assertThat(run.connectNanosFromK1()).as("seed %d", seed).isEqualTo(fromK1);
        }
    }
}
