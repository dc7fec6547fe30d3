package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.nat.NatMode;
import io.punchsim.nat.NatPreset;
import io.punchsim.nat.NatPresets;
import io.punchsim.scenarios.model.CustomNat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A preset's settings, written in a file's words as {@code punchsim presets} prints them, rebuild the preset. */
class NatWordsTest {

    static List<String> presets() {
        return NatPresets.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void thePrintedSettingsOfANatWithoutNotesRebuildIt(String name) throws Exception {
        NatPreset preset = NatPresets.byName(name);
        String keys = NatWords.settings(preset).stream().map(s -> s.key() + ": " + s.value())
                .collect(Collectors.joining(", "));
        boolean writable = preset.behaviour().mode() == NatMode.TRANSLATE
                && NatWords.beyondTheKeys(preset.behaviour()).isEmpty();
        if (!writable) {
            // open, udp-blocked and firewall take no translation keys; the Linux presets list what no key says.
            return;
        }
        CustomNat nat = (CustomNat) ScenarioLoader.load("w.yaml", "host:\n  nat: {" + keys + "}\n").base()
                .network().host().nat();
        assertThat(nat.behaviour()).as(keys).isEqualTo(preset.behaviour());
        assertThat(nat.externalAddresses()).as(keys).isEqualTo(preset.externalAddresses());
    }
}
