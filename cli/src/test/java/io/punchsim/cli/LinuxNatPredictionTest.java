package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.ConnectionRun;
import io.punchsim.scenarios.run.PreparedPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the simulator predicts for the NAT pairs that the real-network test runs through real Linux
 * NAT (realnet's {@code RealNatTest}, the same table): the presets {@code linux-masquerade},
 * {@code linux-masquerade-random-fully} and {@code full-cone} under the two timings that test forces.
 *
 * <ul>
 *   <li>{@code crossing}: each side's first packet leaves its NAT before the other side's arrives
 *       (the cloud reaches both peers at the same moment and the path between them takes longer
 *       than zero);</li>
 *   <li>{@code host-first}: the host's first ping reaches the client's NAT before the client's
 *       first request leaves it (the cloud is far from the client, so K1 comes late).</li>
 * </ul>
 */
class LinuxNatPredictionTest {

    private static final String CROSSING = """
            name: linux-crossing
            host: {nat: %s, link: {latency: 10ms}, startup-delay: 0s}
            client: {nat: %s, link: {latency: 10ms}, startup-delay: 0s, join-delay: 0s}
            network: {cloud: {latency: 20ms}, stun: {latency: 20ms}, peer-path: {latency: 5ms}}
            """;

    private static final String HOST_FIRST = """
            name: linux-host-first
            host: {nat: %s, link: {latency: 10ms}, startup-delay: 0s}
            client: {nat: %s, link: {latency: 10ms}, startup-delay: 0s, join-delay: 0s}
            network: {cloud: {from-host: 5ms, from-client: 300ms}, stun: {latency: 20ms}, peer-path: {latency: 5ms}}
            """;

    @ParameterizedTest(name = "host {0} x client {1}, {2}: {3}")
    @CsvSource({
            "linux-masquerade, linux-masquerade, crossing, DIRECT",
            "linux-masquerade, linux-masquerade, host-first, RELAYED",
            "linux-masquerade, linux-masquerade-random-fully, crossing, RELAYED",
            "linux-masquerade-random-fully, linux-masquerade-random-fully, crossing, RELAYED",
            "full-cone, linux-masquerade-random-fully, crossing, DIRECT",
    })
    void theSimulatorPredictsWhatRealLinuxNatDoes(String hostNat, String clientNat, String timing, Outcome expected)
            throws Exception {
        String yaml = (timing.equals("crossing") ? CROSSING : HOST_FIRST).formatted(hostNat, clientNat);
        PreparedPoint point = PreparedPoint.of(ScenarioLoader.load(timing + ".yaml", yaml).points().get(0));
        for (long seed = 1; seed <= 10; seed++) {
            RunOutcome outcome = ConnectionRun.run(point, seed);
            assertThat(outcome.outcome()).as("%s x %s (%s), seed %d", hostNat, clientNat, timing, seed)
                    .isEqualTo(expected);
        }
    }
}
