package io.punchsim.nat;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.net.Endpoint;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 5780 tests (section 4.3 mapping, 4.4 filtering) run against each preset's table give the
 * mapping {@link NatBehaviour#observedMapping()} states and the preset's filtering: what
 * {@code classify} matches a real NAT against.
 */
class ObservedBehaviourTest {

    private static final int EXTERNAL_IP = Endpoint.of("203.0.113.1", 0).ip();
    private static final Endpoint INSIDE = Endpoint.of("10.0.0.2", 50_000);
    private static final Endpoint PRIMARY = Endpoint.of("192.0.2.1", 3478);
    private static final Endpoint PRIMARY_OTHER_PORT = Endpoint.of("192.0.2.1", 3479);
    private static final Endpoint ALTERNATE = Endpoint.of("192.0.2.2", 3478);
    private static final Endpoint ALTERNATE_OTHER_PORT = Endpoint.of("192.0.2.2", 3479);

    static List<String> presets() {
        return NatPresets.names();
    }

    private static NatTable table(NatPreset preset) {
        return new NatTable(preset.behaviour(), List.of(EXTERNAL_IP), RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
    }

    private static Endpoint mapped(NatTable table, Endpoint destination) {
        NatVerdict verdict = table.outbound(0, INSIDE, destination);
        assertThat(verdict).isInstanceOf(NatVerdict.Pass.class);
        return ((NatVerdict.Pass) verdict).source();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theMappingTestsSeeTheObservedMapping(String name) {
        NatPreset preset = NatPresets.byName(name);
        NatBehaviour behaviour = preset.behaviour();
        NatTable table = table(preset);
        if (behaviour.mode() == NatMode.UDP_BLOCKED) {
            assertThat(table.outbound(0, INSIDE, PRIMARY)).isInstanceOf(NatVerdict.Drop.class);
            return;
        }
        Endpoint first = mapped(table, PRIMARY);
        if (behaviour.mode() != NatMode.TRANSLATE) {
            assertThat(first).as("%s keeps the inside address", name).isEqualTo(INSIDE);
            return;
        }
        Endpoint second = mapped(table, ALTERNATE);
        MappingBehaviour seen;
        if (second.equals(first)) {
            seen = MappingBehaviour.ENDPOINT_INDEPENDENT;
        } else {
            seen = mapped(table, ALTERNATE_OTHER_PORT).equals(second)
                    ? MappingBehaviour.ADDRESS_DEPENDENT
                    : MappingBehaviour.ADDRESS_AND_PORT_DEPENDENT;
        }
        assertThat(seen).as(name).isEqualTo(behaviour.observedMapping());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void theFilteringTestsSeeThePresetsFiltering(String name) {
        NatPreset preset = NatPresets.byName(name);
        NatBehaviour behaviour = preset.behaviour();
        if (behaviour.mode() == NatMode.UDP_BLOCKED) {
            return;
        }
        NatTable table = table(preset);
        Endpoint external = mapped(table, PRIMARY);
        FilteringBehaviour seen;
        if (table.inbound(1, ALTERNATE_OTHER_PORT, external) instanceof NatVerdict.Pass) {
            seen = FilteringBehaviour.ENDPOINT_INDEPENDENT;
        } else if (table.inbound(2, PRIMARY_OTHER_PORT, external) instanceof NatVerdict.Pass) {
            seen = FilteringBehaviour.ADDRESS_DEPENDENT;
        } else {
            seen = FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT;
        }
        FilteringBehaviour expected = behaviour.mode() == NatMode.OPEN
                ? FilteringBehaviour.ENDPOINT_INDEPENDENT
                : behaviour.filtering();
        assertThat(seen).as(name).isEqualTo(expected);
    }
}
