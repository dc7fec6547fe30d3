package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.load.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The relay window is judged against the simulation itself: for a pair that must relay (symmetric
 * host, SPEC 3), a setting the window calls hopeless fails every run, and one it accepts relays.
 */
class RelayWindowTest {

    @ParameterizedTest(name = "T {0}, L {1}, f {2}, listen {3}: first relay {4}, hopeless {5}")
    @CsvSource({
            "1s,    16, 2/3, 10s, 11, true",    // 11 s after K1: after the 10 s listen timeout
            "1s,    16, 2/3, 12s, 11, false",
            "500ms, 10, 2/3, 10s, 7,  false",   // the defaults: 3.5 s
            "1s,    10, 1,   5s,  -1, false",   // every attempt direct: there is no relay attempt
            "2s,    10, 1/2, 10s, 5,  true",    // leaves exactly at the timeout
    })
    void aHopelessSettingFailsEveryRunThatNeedsTheRelay(String interval, int limit, String fraction, String listen,
            int firstRelay, boolean hopeless) throws Exception {
        String yaml = """
                seeds: 5
                host: {nat: symmetric, link: {latency: 5ms}, startup-delay: 0s}
                client: {nat: symmetric, link: {latency: 5ms}, startup-delay: 0s, join-delay: 0s}
                protocol: {attempt-interval: %s, attempt-limit: %d, direct-fraction: %s, listen-timeout: %s}
                """.formatted(interval, limit, fraction, listen);
        PreparedPoint point = PreparedPoint.of(ScenarioLoader.load("w.yaml", yaml).points().get(0));
        assertThat(RelayWindow.firstRelayAttempt(point.protocol())).isEqualTo(firstRelay);
        if (hopeless) {
            assertThat(RelayWindow.problem(point.protocol())).hasValueSatisfying(m ->
                    assertThat(m).contains("attempt " + firstRelay).contains("listen-timeout"));
        } else {
            assertThat(RelayWindow.problem(point.protocol())).isEmpty();
        }
        for (long seed = 1; seed <= 5; seed++) {
            RunOutcome outcome = ConnectionRun.run(point, seed);
            if (hopeless || firstRelay < 0) {
                assertThat(outcome.outcome()).as("seed %d", seed).isEqualTo(Outcome.FAILED);
                assertThat(outcome.failureReason()).as("seed %d", seed).isEqualTo(FailureReason.ATTEMPTS_EXHAUSTED);
            } else {
                assertThat(outcome.outcome()).as("seed %d", seed).isEqualTo(Outcome.RELAYED);
            }
        }
    }
}
