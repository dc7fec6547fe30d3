package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Direct rate under loss against its closed form. Full-cone NATs on both sides, Bernoulli loss p on
 * the peers' direct path only, a lossless cloud: a direct attempt succeeds when its request and the
 * accept both get through, (1 - p)^2, independently of the others, so with k direct attempts the
 * direct rate is 1 - (1 - (1 - p)^2)^k, and every other run connects through the relay.
 */
class ClosedFormLossTest {

    private static final String SCENARIO = """
            name: closed-form
            seeds: 20000
            root-seed: %d
            host: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s}
            client: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s, join-delay: 0s}
            network:
              cloud: {latency: 30ms}
              stun: {latency: 20ms}
              peer-path: {latency: 5ms, loss: %s}
            protocol: {attempt-limit: %d, direct-fraction: %s}
            """;

    @ParameterizedTest(name = "p={0}, L={1}, f={2}")
    @CsvSource({
            "0.30, 10, 2/3, 11",
            "0.50, 10, 2/3, 12",
            "0.60, 4, 1/2, 13",
            "0.45, 6, 1/3, 14",
    })
    void directRateMatchesTheClosedForm(double p, int limit, String fraction, long rootSeed) throws Exception {
        LoadedScenario loaded = ScenarioLoader.load("closed-form.yaml",
                SCENARIO.formatted(rootSeed, p, limit, fraction));
        String[] parts = fraction.split("/");
        double f = Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
        // Attempts n = 0, 1, ... go direct while n < f * L.
        int k = (int) Math.ceil(f * limit - 1e-9);
        double expected = 1 - Math.pow(1 - (1 - p) * (1 - p), k);

        PointAggregate point = SweepJob.prepare(loaded, SweepJob.Options.defaults().withThreads(2)).run()
                .points().get(0).aggregate();
        long n = point.runs();
        long direct = point.count(Outcome.DIRECT);

        // Wilson 99% interval around the measured rate must contain the closed form.
        double z = new NormalDistribution().inverseCumulativeProbability(0.995);
        double[] interval = wilson(direct, n, z);
        assertThat(expected)
                .as("p=%s L=%d f=%s (k=%d): measured %d/%d direct, Wilson 99%% [%f, %f], root seed %d",
                        p, limit, fraction, k, direct, n, interval[0], interval[1], rootSeed)
                .isBetween(interval[0], interval[1]);
        assertThat(point.count(Outcome.FAILED)).as("root seed %d: nothing fails with a lossless cloud", rootSeed)
                .isZero();
        assertThat(point.count(Outcome.RELAYED)).isEqualTo(n - direct);
    }

    private static double[] wilson(long x, long n, double z) {
        double phat = (double) x / n;
        double denominator = 1 + z * z / n;
        double centre = (phat + z * z / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(phat * (1 - phat) / n + z * z / (4.0 * n * n)) / denominator;
        return new double[] {centre - half, centre + half};
    }
}
