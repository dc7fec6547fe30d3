package io.punchsim.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.nat.NatPreset;
import io.punchsim.nat.NatPresets;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.DiscoveryResult;
import io.punchsim.protocol.stun.FilteringBehaviour;
import io.punchsim.protocol.stun.MappingBehaviour;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The presets of the registry by what RFC 5780 tests can see of them. The rows for the Linux
 * MASQUERADE, MASQUERADE --random-fully and DNAT routers are what realnet's namespace test observes
 * behind real Linux NAT ({@code RealNatTest}), so they name the presets {@code classify} prints there.
 */
class PresetMatchTest {

    private static final Endpoint REFLEXIVE = Endpoint.parse("198.51.100.7:40000");

    @ParameterizedTest(name = "{0} mapping, {1} filtering -> {2}")
    @CsvSource(delimiter = '|', value = {
            "ENDPOINT_INDEPENDENT       | ENDPOINT_INDEPENDENT       | full-cone            | EIM with EIF",
            "ENDPOINT_INDEPENDENT       | ADDRESS_DEPENDENT          | restricted-cone      | EIM with ADF; cgnat looks the same to these tests",
            "ENDPOINT_INDEPENDENT       | ADDRESS_AND_PORT_DEPENDENT | port-restricted-cone | EIM with APDF; linux-masquerade looks the same to these tests",
            "ADDRESS_AND_PORT_DEPENDENT | ADDRESS_AND_PORT_DEPENDENT | symmetric            | APDM with APDF; linux-masquerade-random-fully looks the same to these tests",
            "ADDRESS_DEPENDENT          | ADDRESS_DEPENDENT          | none                 | no preset has address-dependent mapping with address-dependent filtering",
            "ADDRESS_AND_PORT_DEPENDENT | ENDPOINT_INDEPENDENT       | none                 | no preset has address-and-port-dependent mapping with endpoint-independent filtering",
    })
    void natBehaviourNamesItsPreset(MappingBehaviour mapping, FilteringBehaviour filtering, String preset, String note) {
        PresetMatch match = PresetMatch.of(new DiscoveryResult.BehindNat(REFLEXIVE, mapping, filtering));
        assertThat(match.preset().orElse("none")).isEqualTo(preset);
        assertThat(match.note()).isEqualTo(note);
    }

    @ParameterizedTest(name = "no NAT with {0} filtering -> {1}")
    @CsvSource({"ENDPOINT_INDEPENDENT, open", "ADDRESS_DEPENDENT, none", "ADDRESS_AND_PORT_DEPENDENT, firewall"})
    void withoutNatNoFilteringIsOpenAndTheFirewallsFilteringIsTheFirewall(FilteringBehaviour filtering, String preset) {
        assertThat(PresetMatch.of(new DiscoveryResult.NoNat(REFLEXIVE, filtering)).preset().orElse("none")).isEqualTo(preset);
    }

    @Test
    void blockedUdpAndUnusableServersAreToldApart() {
        assertThat(PresetMatch.of(new DiscoveryResult.UdpBlocked()).preset()).contains("udp-blocked");
        PresetMatch lacks = PresetMatch.of(new DiscoveryResult.ServerLacksRfc5780(REFLEXIVE));
        assertThat(lacks.preset()).isEqualTo(Optional.empty());
        assertThat(lacks.note()).contains("--other");
        assertThat(PresetMatch.of(new DiscoveryResult.Inconclusive("odd answer")).preset()).isEmpty();
    }

    @Test
    void theMatchComesFromTheRegistryItIsGiven() {
        NatPreset mine = new NatPreset("address-restricted", NatPresets.RESTRICTED_CONE
                .withMapping(io.punchsim.nat.MappingBehaviour.ADDRESS_DEPENDENT), 1, "ADM + ADF.", "a test");
        PresetMatch match = PresetMatch.of(new DiscoveryResult.BehindNat(REFLEXIVE, MappingBehaviour.ADDRESS_DEPENDENT,
                FilteringBehaviour.ADDRESS_DEPENDENT), List.of(mine));
        assertThat(match).isEqualTo(new PresetMatch(Optional.of("address-restricted"), "ADM with ADF"));
    }

    @Test
    void classifyPrintsTheDiscoveryThenThePresetAndExitsZeroOnlyWhenOneMatches() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ClassifyCommand.report(new DiscoveryResult.BehindNat(REFLEXIVE, MappingBehaviour.ENDPOINT_INDEPENDENT,
                FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
                "nat: yes",
                "reflexive: 198.51.100.7:40000",
                "mapping: endpoint-independent",
                "filtering: address-and-port-dependent",
                "preset: port-restricted-cone",
                "note: EIM with APDF; linux-masquerade looks the same to these tests",
                ""));
        bytes.reset();
        exit = ClassifyCommand.report(new DiscoveryResult.NoNat(REFLEXIVE, FilteringBehaviour.ADDRESS_DEPENDENT),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(3);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("nat: no\n", "filtering: address-dependent\n",
                "preset: none\n", "note: no NAT, but a firewall with address-dependent filtering; no preset models that\n");
    }
}
