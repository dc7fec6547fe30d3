package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expected matrix of SPEC section 3 for the default process at zero loss: the real state
 * machines, on the virtual network, behind each ordered pair of the four classic NAT presets.
 */
class ClassicMatrixTest {

    private static final String SCENARIO = """
            name: classic-matrix
            seeds: 20
            host: {nat: %s, link: {latency: 10ms}}
            client: {nat: %s, link: {latency: 15ms}}
            """;

    @ParameterizedTest(name = "host {0} x client {1} -> {2}")
    @CsvSource({
            "full-cone, full-cone, DIRECT",
            "full-cone, restricted-cone, DIRECT",
            "full-cone, port-restricted-cone, DIRECT",
            "full-cone, symmetric, DIRECT",
            "restricted-cone, full-cone, DIRECT",
            "restricted-cone, restricted-cone, DIRECT",
            "restricted-cone, port-restricted-cone, DIRECT",
            "restricted-cone, symmetric, DIRECT",
            "port-restricted-cone, full-cone, DIRECT",
            "port-restricted-cone, restricted-cone, DIRECT",
            "port-restricted-cone, port-restricted-cone, DIRECT",
            "port-restricted-cone, symmetric, RELAYED",
            "symmetric, full-cone, RELAYED",
            "symmetric, restricted-cone, RELAYED",
            "symmetric, port-restricted-cone, RELAYED",
            "symmetric, symmetric, RELAYED",
    })
    void everyRunOfAPairEndsAsTheSpecSays(String hostNat, String clientNat, Outcome expected) throws Exception {
        LoadedScenario loaded = ScenarioLoader.load("classic-matrix.yaml", SCENARIO.formatted(hostNat, clientNat));
        SweepPoint point = loaded.points().get(0);
        PreparedPoint prepared = PreparedPoint.of(point);
        for (long seed = 1; seed <= point.scenario().seeds(); seed++) {
            RunOutcome outcome = ConnectionRun.run(prepared, seed);
            assertThat(outcome.outcome())
                    .as("host %s x client %s, seed %d: %s", hostNat, clientNat, seed, outcome)
                    .isEqualTo(expected);
            assertThat(outcome.hostNat()).isEqualTo(hostNat);
            assertThat(outcome.clientNat()).isEqualTo(clientNat);
        }
    }
}
