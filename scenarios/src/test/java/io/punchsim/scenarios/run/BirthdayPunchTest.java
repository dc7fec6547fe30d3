package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.TrafficKind;
import io.punchsim.scenarios.load.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Birthday punching against the birthday bound: a symmetric host whose NAT draws a random port
 * from a range of R for every mapping, with a port-restricted-cone client (and the other way
 * round). The hard side holds N mappings toward the easy side's reflexive address (its own
 * socket's, opened by its pings or requests, and one per extra socket); each probe of the easy side to a port drawn uniformly from the same R
 * ports gets through with probability N/R, independently, so with k probes the pair connects
 * directly with probability 1 − (1 − N/R)^k. Every probe fits in the window: they start about a
 * relay round trip after K1, k × 10 ms later they are all out, well before the first relay attempt
 * at 3.5 s, and without a hit the pair is relayed. The simulated rate must hold the formula within
 * its Wilson 99% interval.
 */
class BirthdayPunchTest {

    private static final int RUNS = 2_000;
    private static final int LOW = 40_000;
    private static final long PROBE_INTERVAL_NANOS = 10_000_000L;
    /** The first relay attempt, f × L × T after K1 at the defaults. */
    private static final long FIRST_RELAY_ATTEMPT_NANOS = 3_500_000_000L;

    private static final String SCENARIO = """
            name: birthday
            seeds: %d
            host: {nat: %s, link: {latency: 10ms}}
            client: {nat: %s, link: {latency: 15ms}}
            protocol:
              variants: {birthday-punch: true}
              birthday: {ports: %d, probes: %d, probe-interval: 10ms, lowest-port: %d, highest-port: %d}
            """;

    @ParameterizedTest(name = "symmetric {3}, R = {0}, N = {1}, k = {2}")
    @CsvSource({"1024, 32, 16, host", "1024, 16, 100, host", "1024, 16, 100, client"})
    void theDirectRateIsTheBirthdayBound(int r, int n, int k, String hardSide) throws Exception {
        // k probes fit inside the attempt window: the last leaves (k - 1) x interval after the first.
        assertThat((k - 1) * PROBE_INTERVAL_NANOS).isLessThan(FIRST_RELAY_ATTEMPT_NANOS - 1_000_000_000L);
        int high = LOW + r - 1;
        String hard = "{preset: symmetric, port-range: [" + LOW + ", " + high + "]}";
        boolean hostHard = hardSide.equals("host");
        var loaded = ScenarioLoader.load("birthday.yaml", SCENARIO.formatted(RUNS, hostHard ? hard : "port-restricted-cone",
                hostHard ? "port-restricted-cone" : hard, n, k, LOW, high));
        PreparedPoint point = PreparedPoint.of(loaded.points().get(0));
        int direct = 0;
        for (long seed = 1; seed <= RUNS; seed++) {
            RunOutcome run = ConnectionRun.run(point, seed);
            assertThat(run.outcome()).as("seed %d: %s", seed, run).isIn(Outcome.DIRECT, Outcome.RELAYED);
            long probes = run.traffic().packets(TrafficKind.BIRTHDAY_PROBE);
            // The host's extra sockets send one each; the client sends at most k, fewer once connected,
            // and the host echoes each that got through.
            assertThat(probes).as("seed %d: probes", seed).isBetween((long) n, (long) n - 1 + 2L * k);
            if (run.outcome() == Outcome.DIRECT) {
                direct++;
            } else {
                assertThat(probes).as("seed %d: a relayed run sent every probe", seed).isEqualTo(n - 1 + k);
            }
        }
        double expected = 1 - Math.pow(1 - (double) n / r, k);
        double[] wilson = wilson(direct, RUNS, 2.5758);
        assertThat(expected)
                .as("symmetric %s, R=%d N=%d k=%d: %d of %d direct (seeds 1..%d), Wilson 99%% [%.4f, %.4f]", hardSide, r, n, k, direct, RUNS,
                        RUNS, wilson[0], wilson[1])
                .isBetween(wilson[0], wilson[1]);
    }

    private static double[] wilson(int successes, int n, double z) {
        double p = (double) successes / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return new double[] {centre - half, centre + half};
    }
}
