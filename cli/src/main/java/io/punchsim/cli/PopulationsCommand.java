package io.punchsim.cli;

import io.punchsim.scenarios.load.Populations;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.Suggestions;
import io.punchsim.scenarios.population.Population;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "populations", mixinStandardHelpOptions = true,
        description = "Lists the populations a scenario can name (nat: {population: NAME}): each entry with its weight "
                + "within its list, its share of all players, its NAT, and the source of its weight or the assumption "
                + "behind it. Entry names are what a scenario's weights: override and reports use.",
        footer = {"", "Examples:", "  ./punchsim populations", "  ./punchsim populations home-broadband"})
final class PopulationsCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Only these populations (default: every one).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        List<Population> populations = new ArrayList<>();
        try {
            for (String name : names.isEmpty() ? Populations.NAMES : names) {
                if (!Populations.NAMES.contains(name)) {
                    throw new BadInputException("unknown population '" + name + "'; "
                            + Suggestions.closest(name, Populations.NAMES).map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "populations: " + String.join(", ", Populations.NAMES));
                }
                populations.add(Populations.byName(name));
            }
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage());
        }
        print(populations, System.out);
        return ExitCode.OK;
    }

    static void print(List<Population> populations, PrintStream out) {
        for (int i = 0; i < populations.size(); i++) {
            if (i > 0) {
                out.println();
            }
            Population population = populations.get(i);
            out.println(population.name() + "  (" + population.file() + ")");
            out.println("  " + population.description());
            entries(population.entries(), 1.0, "  ", out);
        }
        out.flush();
    }

    private static void entries(List<Population.Entry> entries, double above, String indent, PrintStream out) {
        for (Population.Entry entry : entries) {
            double share = above * entry.weight();
            StringBuilder line = new StringBuilder(indent).append("- ").append(entry.name()).append("  ")
                    .append(percent(entry.weight())).append(" (").append(percent(share)).append(" of all)");
            if (entry instanceof Population.Group group && group.population().isPresent()) {
                line.append("  population: ").append(group.population().get());
            }
            out.println(line);
            String inner = indent + "    ";
            if (entry instanceof Population.Leaf leaf) {
                out.println(inner + "nat: " + leaf.natText());
            }
            entry.source().ifPresent(s -> out.println(inner + "source: " + s));
            entry.assumption().ifPresent(a -> out.println(inner + "assumption: " + a));
            if (entry instanceof Population.Group group) {
                entries(group.entries(), share, indent + "  ", out);
            }
        }
    }

    private static String percent(double rate) {
        String text = String.format(Locale.ROOT, "%.4f", 100 * rate).replaceFirst("\\.?0+$", "");
        return text + "%";
    }
}
