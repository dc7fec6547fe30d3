package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.nat.NatPreset;
import io.punchsim.nat.NatPresets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code punchsim presets} lists every preset of the registry with its behaviours, description and source. */
class PresetsCommandTest {

    @Test
    void everyPresetIsListedWithItsDescriptionSettingsAndSource() {
        Cli.Result result = Cli.run("presets");
        assertThat(result.exit()).as(result.err()).isZero();
        List<String> headings = Arrays.stream(result.out().split("\n")).filter(l -> !l.isBlank() && !l.startsWith(" ")).toList();
        assertThat(headings).containsExactlyElementsOf(NatPresets.names());
        for (NatPreset preset : NatPresets.all()) {
            assertThat(result.out()).contains(preset.name() + "\n  " + preset.description() + "\n")
                    .contains("  source: " + preset.source() + "\n");
        }
        assertThat(block(result.out(), "port-restricted-cone")).contains(
                "  kind: nat", "  mapping: endpoint-independent", "  filtering: address-and-port-dependent",
                "  allocation: preserve", "  port-step: 1", "  lifetime: 2m", "  hairpinning: true", "  on-full: drop");
        assertThat(block(result.out(), "firewall")).contains("  kind: firewall", "  filtering: address-and-port-dependent")
                .doesNotContain("mapping:");
        assertThat(block(result.out(), "linux-masquerade")).contains("  allocation: preserve, else random",
                "  also: lifetime 30s until a reply, then 2m");
    }

    @Test
    void namedPresetsOnlyAndAnUnknownNameIsBadInput() {
        Cli.Result cgnat = Cli.run("presets", "cgnat");
        assertThat(cgnat.exit()).isZero();
        assertThat(cgnat.out()).startsWith("cgnat\n").contains("  external-addresses: 4").doesNotContain("full-cone\n");
        Cli.Result unknown = Cli.run("presets", "full-cones");
        assertThat(unknown.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown preset 'full-cones'").contains("full-cone");
    }

    @Test
    void theHelpShowsAnExample() {
        Cli.Result help = Cli.run("presets", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: punchsim presets", "Examples:", "./punchsim presets linux-masquerade cgnat");
    }

    private static String block(String out, String name) {
        int start = out.indexOf(name + "\n");
        int end = out.indexOf("\n\n", start);
        return out.substring(start, end < 0 ? out.length() : end);
    }
}
