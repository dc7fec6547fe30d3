package io.punchsim.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.ConnectionRun;
import io.punchsim.scenarios.run.PreparedPoint;
import io.punchsim.scenarios.run.SweepJob;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator's side of the real-NAT check: for each NAT pair and timing that the realnet
 * module's namespace test ({@code io.punchsim.realnet.netns.RealNatTest}) runs through real Linux
 * NAT, the simulated outcome with the matching presets is the one that test expects (and gets).
 */
class SimulatorPredictsRealNatTest {

    private static final int SEEDS = 20;

    /**
     * {@code crossing}: equal cloud latency, so K1 and K2 arrive together and each side's first
     * packet leaves before the other's arrives (20 ms apart). {@code host-first}: the client hears
     * K1 long after the host's first ping reached the client's NAT, as the real test arranges by
     * holding the client's packets.
     */
    @ParameterizedTest(name = "host {0}, client {1}, {2}: {3}")
    @CsvSource({
            "linux-masquerade, linux-masquerade, crossing, DIRECT",
            "linux-masquerade, linux-masquerade, host-first, RELAYED",
            "linux-masquerade, linux-masquerade-random-fully, crossing, RELAYED",
            "linux-masquerade-random-fully, linux-masquerade-random-fully, crossing, RELAYED",
            "full-cone, linux-masquerade-random-fully, crossing, DIRECT",
    })
    void theSimulatedOutcomeIsTheRealOne(String hostNat, String clientNat, String timing, String expected) throws Exception {
        String cloud = timing.equals("crossing") ? "{latency: 5ms}" : "{from-host: 5ms, from-client: 300ms}";
        String yaml = String.join("\n",
                "name: realnet-check",
                "seeds: " + SEEDS,
                "root-seed: 1",
                "host:",
                "  nat: " + hostNat,
                "  link: {latency: 10ms}",
                "  startup-delay: 0s",
                "client:",
                "  nat: " + clientNat,
                "  link: {latency: 10ms}",
                "  startup-delay: 0s",
                "  join-delay: 500ms",
                "network:",
                "  cloud: " + cloud,
                "");
        List<PreparedPoint> points = SweepJob.prepare(ScenarioLoader.load("realnet-check.yaml", yaml)).points();
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunOutcome run = ConnectionRun.run(points.get(0), seed);
            assertThat(run.outcome().name()).as("seed %d, host %s, client %s, %s", seed, hostNat, clientNat, timing)
                    .isEqualTo(expected);
        }
    }
}
