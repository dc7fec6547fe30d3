package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.TrafficKind;
import io.punchsim.scenarios.load.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The port-mapping variant against SPEC section 3: a symmetric NAT that grants a mapping behaves,
 * for the mapped port, as an endpoint-independent NAT with endpoint-independent filtering, so the
 * symmetric-host row of the classic matrix (R R R R by default) becomes D D D D; behind a carrier's
 * NAT the gateway's address is not the reflexive one, no mapping is asked for, and every run ends
 * as it does without the variant.
 */
class PortMappingTest {

    private static final int SEEDS = 20;
    private static final String SCENARIO = """
            name: port-mapping
            seeds: %d
            host: {nat: %s, link: {latency: 10ms}}
            client: {nat: %s, link: {latency: 15ms}}
            protocol: {variants: {port-mapping: %s}}
            """;

    private static RunOutcome run(String hostNat, String clientNat, boolean variant, long seed) throws Exception {
        var loaded = ScenarioLoader.load("port-mapping.yaml", SCENARIO.formatted(SEEDS, hostNat, clientNat, variant));
        return ConnectionRun.run(PreparedPoint.of(loaded.points().get(0)), seed);
    }

    @ParameterizedTest(name = "symmetric host with UPnP x client {0} -> DIRECT")
    @ValueSource(strings = {"full-cone", "restricted-cone", "port-restricted-cone", "symmetric"})
    void aSymmetricHostWithAMappingConnectsDirectlyWithEveryClassicClient(String clientNat) throws Exception {
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunOutcome with = run("{preset: symmetric, port-mapping: upnp}", clientNat, true, seed);
            assertThat(with.outcome()).as("seed %d, client %s, with port-mapping: %s", seed, clientNat, with)
                    .isEqualTo(Outcome.DIRECT);
            // Two requests from each peer: the gateway's address, then the mapping (the client's NAT has no service).
            assertThat(with.traffic().packets(TrafficKind.PORT_MAPPING)).as("seed %d: port-mapping requests", seed)
                    .isEqualTo(2 + 2);
            RunOutcome without = run("{preset: symmetric, port-mapping: upnp}", clientNat, false, seed);
            assertThat(without.outcome()).as("seed %d, client %s, without the variant: %s", seed, clientNat, without)
                    .isEqualTo(Outcome.RELAYED);
            assertThat(without.traffic().packets(TrafficKind.PORT_MAPPING)).isZero();
        }
    }

    @ParameterizedTest(name = "symmetric host with UPnP behind a CGNAT x client {0}: as without")
    @ValueSource(strings = {"full-cone", "restricted-cone", "port-restricted-cone", "symmetric"})
    void behindACarrierGradeNatTheVariantChangesNoOutcome(String clientNat) throws Exception {
        int direct = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunOutcome with = run("[{preset: symmetric, port-mapping: upnp}, cgnat]", clientNat, true, seed);
            RunOutcome without = run("[symmetric, cgnat]", clientNat, false, seed);
            assertThat(with.outcome()).as("seed %d, client %s: %s vs %s", seed, clientNat, with, without)
                    .isEqualTo(without.outcome());
            assertThat(with.connectNanosFromK1()).as("seed %d, client %s: connect time from K1", seed, clientNat)
                    .isEqualTo(without.connectNanosFromK1());
            assertThat(with.attemptIndex()).as("seed %d, client %s: answered attempt", seed, clientNat)
                    .isEqualTo(without.attemptIndex());
            // The host asks its gateway's address only: it is not the reflexive one, so no mapping.
            assertThat(with.traffic().packets(TrafficKind.PORT_MAPPING)).as("seed %d: port-mapping requests", seed)
                    .isEqualTo(1 + 2);
            direct += with.outcome() == Outcome.DIRECT ? 1 : 0;
        }
        // A symmetric NAT stays in front of the host, so the row stays relayed: nothing to hide a change behind.
        assertThat(direct).as("client %s: direct runs", clientNat).isZero();
    }
}
