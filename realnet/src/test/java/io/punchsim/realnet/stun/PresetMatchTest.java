package io.punchsim.realnet.stun;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.DiscoveryResult;
import io.punchsim.protocol.stun.FilteringBehaviour;
import io.punchsim.protocol.stun.MappingBehaviour;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The presets of SPEC section 3, defined there by their RFC 4787 mapping and filtering. */
class PresetMatchTest {

    private static final Endpoint REFLEXIVE = Endpoint.parse("198.51.100.7:40000");

    @ParameterizedTest(name = "{0} mapping, {1} filtering -> {2}")
    @CsvSource({
            "ENDPOINT_INDEPENDENT, ENDPOINT_INDEPENDENT, full-cone",
            "ENDPOINT_INDEPENDENT, ADDRESS_DEPENDENT, restricted-cone",
            "ENDPOINT_INDEPENDENT, ADDRESS_AND_PORT_DEPENDENT, port-restricted-cone",
            "ADDRESS_AND_PORT_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT, symmetric",
            "ADDRESS_DEPENDENT, ADDRESS_DEPENDENT, none",
            "ADDRESS_AND_PORT_DEPENDENT, ENDPOINT_INDEPENDENT, none",
    })
    void natBehaviourNamesItsPreset(MappingBehaviour mapping, FilteringBehaviour filtering, String preset) {
        PresetMatch match = PresetMatch.of(new DiscoveryResult.BehindNat(REFLEXIVE, mapping, filtering));
        assertThat(match.preset().orElse("none")).isEqualTo(preset);
    }

    @ParameterizedTest(name = "no NAT with {0} filtering -> {1}")
    @CsvSource({"ENDPOINT_INDEPENDENT, open", "ADDRESS_DEPENDENT, none", "ADDRESS_AND_PORT_DEPENDENT, none"})
    void withoutNatOnlyNoFilteringIsOpen(FilteringBehaviour filtering, String preset) {
        assertThat(PresetMatch.of(new DiscoveryResult.NoNat(REFLEXIVE, filtering)).preset().orElse("none")).isEqualTo(preset);
    }

    @org.junit.jupiter.api.Test
    void blockedUdpAndUnusableServersAreToldApart() {
        assertThat(PresetMatch.of(new DiscoveryResult.UdpBlocked()).preset()).contains("udp-blocked");
        PresetMatch lacks = PresetMatch.of(new DiscoveryResult.ServerLacksRfc5780(REFLEXIVE));
        assertThat(lacks.preset()).isEqualTo(Optional.empty());
        assertThat(lacks.note()).contains("--other");
    }
}
