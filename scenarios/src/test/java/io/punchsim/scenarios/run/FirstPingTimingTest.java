package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.load.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Direct timing against the spec when the host hears K2 late. A filtering host NAT lets the
 * client's requests in only once the host's first ping (sent at K2, SPEC 2.3 K7) has opened it, so
 * on constant latencies the succeeding attempt is the first n whose request, sent n × T after K1,
 * reaches the host's NAT after that ping left, and the client connects one direct round trip
 * later. The host's cloud latency exceeds the client's by the delay between K1 and K2.
 */
class FirstPingTimingTest {

    // One way between the peers: the two 10 ms access links, the peer path adds nothing.
    private static final long ONE_WAY_MS = 10 + 10;
    private static final long CLIENT_CLOUD_MS = 30;

    @ParameterizedTest(name = "host {0}, client {1}, T {2} ms, host cloud {3} ms: attempt {4}")
    @CsvSource({
            "port-restricted-cone, port-restricted-cone, 500, 30,   0",
            "port-restricted-cone, port-restricted-cone, 500, 530,  1",   // ping at 500 ms, request 1 in at 520 ms
            "port-restricted-cone, port-restricted-cone, 500, 1300, 3",
            "port-restricted-cone, full-cone,            400, 1300, 4",
            "restricted-cone,      symmetric,            500, 1300, 3",   // the filter opens to the client's address
    })
    void theFirstAttemptAfterTheHostsFirstPingConnects(String hostNat, String clientNat, long intervalMs,
            long hostCloudMs, int expectedAttempt) throws Exception {
        String yaml = """
                name: first-ping
                seeds: 3
                host: {nat: %s, link: {latency: 10ms}, startup-delay: 0s}
                client: {nat: %s, link: {latency: 10ms}, startup-delay: 0s, join-delay: 3s}
                network: {cloud: {from-host: %dms, from-client: %dms}}
                protocol: {attempt-interval: %dms}
                """.formatted(hostNat, clientNat, hostCloudMs, CLIENT_CLOUD_MS, intervalMs);
        PreparedPoint point = PreparedPoint.of(ScenarioLoader.load("first-ping.yaml", yaml).points().get(0));
        // The cloud sends K1 and K2 at once; both travel the service latency plus the access link.
        long pingAfterK1Ms = hostCloudMs - CLIENT_CLOUD_MS;
        int attempt = 0;
        while (attempt * intervalMs + ONE_WAY_MS <= pingAfterK1Ms) {
            attempt++;
        }
        assertThat(attempt).as("the oracle's own count").isEqualTo(expectedAttempt);
        long expectedNanos = (attempt * intervalMs + 2 * ONE_WAY_MS) * 1_000_000L;
        for (long seed = 1; seed <= 3; seed++) {
            RunOutcome outcome = ConnectionRun.run(point, seed);
            assertThat(outcome.outcome()).as("seed %d", seed).isEqualTo(Outcome.DIRECT);
            assertThat(outcome.attemptIndex()).as("seed %d", seed).isEqualTo(attempt);
            assertThat(outcome.connectNanosFromK1()).as("seed %d", seed).isEqualTo(expectedNanos);
        }
    }
}
