package io.punchsim.nat;

import static io.punchsim.nat.FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT;
import static io.punchsim.nat.FilteringBehaviour.ADDRESS_DEPENDENT;
import static io.punchsim.nat.FilteringBehaviour.ENDPOINT_INDEPENDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The named presets carry the settings the issue and SPEC section 3 give them. */
class NatPresetsTest {

    @Test
    void everyNamedPresetIsRegistered() {
        assertThat(NatPresets.names()).contains("open", "full-cone", "restricted-cone", "port-restricted-cone",
                "symmetric", "udp-blocked", "firewall", "linux-masquerade", "linux-masquerade-random-fully", "cgnat");
        assertThat(NatPresets.all()).extracting(NatPreset::name).containsExactlyElementsOf(NatPresets.names());
        assertThat(NatPresets.find("cone")).isEmpty();
        assertThatThrownBy(() -> NatPresets.byName("cone")).hasMessageContaining("full-cone");
    }

    @Test
    void theClassicPresetsAreTheRfc3489TypesInRfc4787Terms() {
        assertBehaviour("full-cone", MappingBehaviour.ENDPOINT_INDEPENDENT, ENDPOINT_INDEPENDENT);
        assertBehaviour("restricted-cone", MappingBehaviour.ENDPOINT_INDEPENDENT, ADDRESS_DEPENDENT);
        assertBehaviour("port-restricted-cone", MappingBehaviour.ENDPOINT_INDEPENDENT, ADDRESS_AND_PORT_DEPENDENT);
        assertBehaviour("symmetric", MappingBehaviour.ADDRESS_AND_PORT_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT);
        assertThat(NatPresets.byName("symmetric").behaviour().allocation()).isInstanceOf(PortAllocation.Random.class);
        assertThat(NatPresets.byName("open").behaviour().mode()).isEqualTo(NatMode.OPEN);
        assertThat(NatPresets.byName("udp-blocked").behaviour().mode()).isEqualTo(NatMode.UDP_BLOCKED);
        NatBehaviour firewall = NatPresets.byName("firewall").behaviour();
        assertThat(firewall.mode()).isEqualTo(NatMode.FIREWALL);
        assertThat(firewall.filtering()).isEqualTo(ADDRESS_AND_PORT_DEPENDENT);
    }

    @Test
    void linuxPresetsUseConntrackTimeouts() {
        NatBehaviour linux = NatPresets.byName("linux-masquerade").behaviour();
        assertThat(linux.lifetime().unrepliedNanos()).isEqualTo(30_000_000_000L);
        assertThat(linux.lifetime().repliedNanos()).isEqualTo(120_000_000_000L);
        assertThat(linux.inboundCreatesEntry()).isTrue();
        assertThat(linux.allocation()).isInstanceOf(PortAllocation.Preserve.class);
        assertThat(NatPresets.byName("linux-masquerade-random-fully").behaviour().allocation())
                .isInstanceOf(PortAllocation.Random.class);
    }

    @Test
    void cgnatIsEndpointIndependentWithPairedPoolingAndAShortLifetime() {
        NatBehaviour cgnat = NatPresets.byName("cgnat").behaviour();
        assertThat(cgnat.mapping()).isEqualTo(MappingBehaviour.ENDPOINT_INDEPENDENT);
        assertThat(cgnat.pooling()).isEqualTo(Pooling.PAIRED);
        assertThat(NatPresets.byName("cgnat").externalAddresses()).isGreaterThan(1);
        assertThat(cgnat.lifetime().unrepliedNanos()).isLessThan(NatPresets.FULL_CONE.lifetime().unrepliedNanos());
    }

    @Test
    void theReadmeTableIsTheRegistry() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        StringBuilder table = new StringBuilder("| Name | Description | Source |\n|---|---|---|\n");
        for (NatPreset preset : NatPresets.all()) {
            table.append("| `").append(preset.name()).append("` | ").append(preset.description()).append(" | ")
                    .append(preset.source()).append(" |\n");
        }
        assertThat(readme).as("the README's preset table, regenerated from NatPresets; paste:%n%s", table)
                .contains("## Presets\n\n" + table + "\n");
    }

    private static void assertBehaviour(String name, MappingBehaviour mapping, FilteringBehaviour filtering) {
        NatBehaviour behaviour = NatPresets.byName(name).behaviour();
        assertThat(behaviour.mode()).as(name).isEqualTo(NatMode.TRANSLATE);
        assertThat(behaviour.mapping()).as(name).isEqualTo(mapping);
        assertThat(behaviour.filtering()).as(name).isEqualTo(filtering);
    }
}
