package io.punchsim.cli;

import io.punchsim.nat.NatPreset;
import io.punchsim.nat.NatPresets;
import io.punchsim.scenarios.load.NatWords;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "Lists the NAT presets a scenario can name: for each its description, its settings under the "
                + "keys of a custom NAT (mapping, filtering, allocation, lifetime, hairpinning, ...), what it does that "
                + "no key can say, and its source.",
        footer = {"", "Examples:", "  ./punchsim presets", "  ./punchsim presets linux-masquerade cgnat"})
final class PresetsCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Only these presets (default: every preset).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        List<NatPreset> presets = new ArrayList<>();
        for (String name : names) {
            presets.add(NatPresets.find(name).orElseThrow(() -> new BadInputException(
                    "unknown preset '" + name + "'; presets: " + String.join(", ", NatPresets.names()))));
        }
        print(names.isEmpty() ? NatPresets.all() : presets, System.out);
        return ExitCode.OK;
    }

    /** {@code key: value} lines per preset, a blank line between presets. */
    static void print(List<NatPreset> presets, PrintStream out) {
        for (int i = 0; i < presets.size(); i++) {
            NatPreset preset = presets.get(i);
            if (i > 0) {
                out.println();
            }
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
        out.flush();
    }
}
