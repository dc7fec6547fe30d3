package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.nat.NatPreset;
import io.punchsim.nat.NatPresets;
import io.punchsim.scenarios.link.LinkPreset;
import io.punchsim.scenarios.link.LinkPresets;
import io.punchsim.scenarios.link.RegionPairs;
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
        List<String> names = new java.util.ArrayList<>(NatPresets.names());
        names.addAll(LinkPresets.names());
        names.addAll(RegionPairs.names());
        assertThat(headings).containsExactlyElementsOf(names).doesNotHaveDuplicates();
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
    void linkPresetsAndRegionPairsAreListedWithTheirSettingsAndSource() {
        Cli.Result result = Cli.run("presets", "4g", "us-eu");
        assertThat(result.exit()).as(result.err()).isZero();
        // 25 ms ± 8 ms: a latency of 17 ms plus up to 16 ms of jitter, 0.5% loss (FIELD-DATA §4).
        assertThat(result.out()).isEqualTo("""
                4g
                  4G cellular: 25 ms ± 8 ms one way, 0.5%% loss.
                  kind: link (link: {preset: 4g}), both directions
                  latency: 17ms
                  jitter: 16ms
                  fifo: true
                  loss: 0.5%%
                  also: %s
                  source: %s

                us-eu
                  United States to Europe: 45 ms one way.
                  kind: region (network.cloud or network.stun: {region: us-eu})
                  latency: 45ms
                  source: %s
                """.formatted(LinkPreset.SHAPE_ASSUMPTION, LinkPresets.find("4g").orElseThrow().source(),
                RegionPairs.find("us-eu").orElseThrow().source()));
        Cli.Result unknown = Cli.run("presets", "4gg");
        assertThat(unknown.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown preset '4gg'; did you mean '4g'?");
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
