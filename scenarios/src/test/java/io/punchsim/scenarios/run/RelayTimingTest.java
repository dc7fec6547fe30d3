package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.load.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Timing against the spec: a pair that must relay connects at the first relay attempt (attempt
 * ceil(f × L), sent at that many attempt intervals after K1) plus one relay round trip
 * (client → cloud → host → cloud → client), to the millisecond, on constant latencies.
 */
class RelayTimingTest {

    @ParameterizedTest(name = "interval {0} ms, limit {1}, fraction {2}")
    @CsvSource({"500, 10, 2/3, 7", "250, 6, 1/2, 3", "400, 9, 1/3, 3"})
    void relayedConnectTimeIsTheFirstRelayAttemptPlusTheRelayRoundTrip(long intervalMs, int limit, String fraction,
            int firstRelayAttempt) throws Exception {
        String yaml = """
                name: relay-timing
                seeds: 5
                host: {nat: symmetric, link: {latency: 12ms}, startup-delay: 0s}
                client: {nat: symmetric, link: {latency: 7ms}, startup-delay: 0s, join-delay: 300ms}
                network: {cloud: {from-host: 25ms, from-client: 40ms}, stun: {latency: 20ms}}
                protocol: {attempt-interval: %dms, attempt-limit: %d, direct-fraction: %s}
                """.formatted(intervalMs, limit, fraction);
        PreparedPoint point = PreparedPoint.of(ScenarioLoader.load("relay-timing.yaml", yaml).points().get(0));
        // One way client <-> cloud: 7 + 40 ms; host <-> cloud: 12 + 25 ms.
        long relayRoundTripMs = 2 * (7 + 40) + 2 * (12 + 25);
        long expectedMs = firstRelayAttempt * intervalMs + relayRoundTripMs;
        for (long seed = 1; seed <= 5; seed++) {
            RunOutcome outcome = ConnectionRun.run(point, seed);
            assertThat(outcome.outcome()).as("seed %d", seed).isEqualTo(Outcome.RELAYED);
            assertThat(outcome.attemptIndex()).as("seed %d", seed).isEqualTo(firstRelayAttempt);
            assertThat(outcome.connectNanosFromK1()).as("seed %d", seed).isEqualTo(expectedMs * 1_000_000L);
        }
    }
}
