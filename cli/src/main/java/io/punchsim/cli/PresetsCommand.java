package io.punchsim.cli;

import io.punchsim.nat.NatPreset;
import io.punchsim.nat.NatPresets;
import io.punchsim.protocol.config.Units;
import io.punchsim.scenarios.link.LinkPreset;
import io.punchsim.scenarios.link.LinkPresets;
import io.punchsim.scenarios.link.RegionPair;
import io.punchsim.scenarios.link.RegionPairs;
import io.punchsim.scenarios.load.NatWords;
import io.punchsim.scenarios.load.Suggestions;
import io.punchsim.scenarios.model.LinkSpec;
import io.punchsim.scenarios.model.LossSpec;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "Lists the presets a scenario can name: each NAT preset with its description, its settings under "
                + "the keys of a custom NAT (mapping, filtering, allocation, lifetime, hairpinning, ...), what it does that "
                + "no key can say, and its source; then each link preset (link: {preset: NAME}) and region pair "
                + "(network.cloud: {region: NAME}) with its settings and source.",
        footer = {"", "Examples:", "  ./punchsim presets", "  ./punchsim presets linux-masquerade cgnat",
                "  ./punchsim presets 4g us-eu"})
final class PresetsCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Only these presets (default: every preset).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        List<Object> chosen = new ArrayList<>();
        for (String name : names) {
            Object preset = NatPresets.find(name).<Object>map(p -> p)
                    .or(() -> LinkPresets.find(name).map(p -> p))
                    .or(() -> RegionPairs.find(name).map(p -> p))
                    .orElseThrow(() -> new BadInputException("unknown preset '" + name + "'; "
                            + Suggestions.closest(name, allNames()).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "presets: " + String.join(", ", allNames())));
            chosen.add(preset);
        }
        if (names.isEmpty()) {
            chosen.addAll(NatPresets.all());
            chosen.addAll(LinkPresets.all());
            chosen.addAll(RegionPairs.all());
        }
        print(chosen, System.out);
        return ExitCode.OK;
    }

    private static List<String> allNames() {
        return Stream.of(NatPresets.names(), LinkPresets.names(), RegionPairs.names()).flatMap(List::stream).toList();
    }

    /** {@code key: value} lines per preset, a blank line between presets. */
    static void print(List<?> presets, PrintStream out) {
        for (int i = 0; i < presets.size(); i++) {
            if (i > 0) {
                out.println();
            }
            Object preset = presets.get(i);
            if (preset instanceof NatPreset nat) {
                print(nat, out);
            } else if (preset instanceof LinkPreset link) {
                print(link, out);
            } else if (preset instanceof RegionPair region) {
                out.println(region.name());
                out.println("  " + region.description());
                out.println("  kind: region (network.cloud or network.stun: {region: " + region.name() + "})");
                out.println("  latency: " + Units.formatDuration(region.oneWayNanos()));
                out.println("  source: " + region.source());
            }
        }
        out.flush();
    }

    private static void print(NatPreset preset, PrintStream out) {
        out.println(preset.name());
        out.println("  " + preset.description());
        out.println("  kind: " + NatWords.kind(preset.behaviour().mode()));
        for (NatWords.Setting setting : NatWords.settings(preset)) {
            out.println("  " + setting.key() + ": " + setting.value());
        }
        for (String note : NatWords.beyondTheKeys(preset.behaviour())) {
            out.println("  also: " + note);
        }
        out.println("  source: " + preset.source());
    }

    // Under the keys of a link, as a scenario would write them.
    private static void print(LinkPreset preset, PrintStream out) {
        LinkSpec.Direction d = preset.direction();
        out.println(preset.name());
        out.println("  " + preset.description());
        out.println("  kind: link (link: {preset: " + preset.name() + "}), both directions");
        out.println("  latency: " + Units.formatDuration(((io.punchsim.scenarios.model.LatencySpec.Constant) d.latency()).nanos()));
        out.println("  jitter: " + Units.formatDuration(d.jitterNanos()));
        out.println("  fifo: " + d.fifo());
        out.println("  loss: " + percent(((LossSpec.Bernoulli) d.loss()).rate()));
        out.println("  also: " + LinkPreset.SHAPE_ASSUMPTION);
        out.println("  source: " + preset.source());
    }

    private static String percent(double rate) {
        return BigDecimal.valueOf(rate).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
