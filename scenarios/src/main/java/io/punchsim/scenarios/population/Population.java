package io.punchsim.scenarios.population;

import io.punchsim.scenarios.model.NamedNat;
import io.punchsim.scenarios.model.NatMix;
import io.punchsim.scenarios.model.NatSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named population of NATs as its data file describes it: a tree of weighted entries, each with
 * the source of its weight or the assumption behind it. The weights of one list sum to 1; an
 * entry's share of all players is the product of the weights from the top down to it. A scenario
 * draws from it as from a mix whose options are its NATs ({@link #mix()}).
 *
 * @param file the data file it was read from, as problems name it
 */
public record Population(String name, String description, String file, List<Entry> entries) {

    /** Tolerance on weights that must sum to 1, as for mixes. */
    public static final double SUM_TOLERANCE = 1e-9;

    public Population {
        entries = List.copyOf(entries);
    }

    /** One entry of the tree: a NAT, or a weighted group of entries. */
    public sealed interface Entry permits Leaf, Group {
        /** Unique within the population (included populations too): reports and overrides use it. */
        String name();

        /** The entry's weight within its list. */
        double weight();

        /** Where the weight comes from: a figure of the field data, with its section and source. */
        Optional<String> source();

        /** Why the weight (or the NAT standing for it) was chosen, where no source gives it. */
        Optional<String> assumption();

        Entry withWeight(double weight);
    }

    /**
     * An entry that is one NAT (a preset, custom behaviours or a chain).
     *
     * @param natText the NAT as the file writes it, in flow style
     */
    public record Leaf(String name, double weight, NatSpec nat, String natText, Optional<String> source,
            Optional<String> assumption) implements Entry {
        @Override
        public Leaf withWeight(double weight) {
            return new Leaf(name, weight, nat, natText, source, assumption);
        }
    }

    /**
     * Entries under one weight: a group written in the file, or a whole other population taken in
     * ({@code population} names it; its entries are then that population's).
     */
    public record Group(String name, double weight, Optional<String> population, Optional<String> source,
            Optional<String> assumption, List<Entry> entries) implements Entry {
        public Group {
            entries = List.copyOf(entries);
        }

        @Override
        public Group withWeight(double weight) {
            return new Group(name, weight, population, source, assumption, entries);
        }
    }

    /** One NAT of the population with its share of all players and the groups above it, outermost first. */
    public record Share(Leaf leaf, double share, List<Group> path) {
    }

    /** Every NAT with its share, in file order. */
    public List<Share> shares() {
        List<Share> shares = new ArrayList<>();
        collect(entries, 1.0, List.of(), shares);
        return shares;
    }

    private static void collect(List<Entry> entries, double above, List<Group> path, List<Share> into) {
        for (Entry entry : entries) {
            double share = above * entry.weight();
            if (entry instanceof Leaf leaf) {
                into.add(new Share(leaf, share, path));
            } else if (entry instanceof Group group) {
                List<Group> deeper = new ArrayList<>(path);
                deeper.add(group);
                collect(group.entries(), share, List.copyOf(deeper), into);
            }
        }
    }

    /** The mix a scenario draws from: every NAT with a share above zero, named by its entry. */
    public NatMix mix() {
        List<NatMix.Option> options = new ArrayList<>();
        for (Share share : shares()) {
            if (share.share() > 0) {
                options.add(new NatMix.Option(new NamedNat(share.leaf().name(), share.leaf().nat()), share.share()));
            }
        }
        return new NatMix(options);
    }

    /** The entry called {@code name}, at any depth. */
    public Optional<Entry> find(String name) {
        return find(entries, name);
    }

    private static Optional<Entry> find(List<Entry> entries, String name) {
        for (Entry entry : entries) {
            if (entry.name().equals(name)) {
                return Optional.of(entry);
            }
            if (entry instanceof Group group) {
                Optional<Entry> found = find(group.entries(), name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Every entry's name, depth first in file order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names(entries, names);
        return names;
    }

    private static void names(List<Entry> entries, List<String> into) {
        for (Entry entry : entries) {
            into.add(entry.name());
            if (entry instanceof Group group) {
                names(group.entries(), into);
            }
        }
    }

    /** The lists whose weights sum to 1: the top entries, then each group's, depth first. */
    public List<List<Entry>> lists() {
        List<List<Entry>> lists = new ArrayList<>();
        lists(entries, lists);
        return lists;
    }

    private static void lists(List<Entry> entries, List<List<Entry>> into) {
        into.add(entries);
        for (Entry entry : entries) {
            if (entry instanceof Group group) {
                lists(group.entries(), into);
            }
        }
    }

    /**
     * Why {@code weights} cannot be given to this list of entries, if they cannot: the entries named
     * keep the weights given, the others are scaled to fill the rest, so the given ones must leave a
     * rest in [0, 1] that the others can fill.
     */
    public static Optional<String> overrideProblem(List<Entry> list, Map<String, Double> weights) {
        double given = 0;
        double others = 0;
        List<String> named = new ArrayList<>();
        boolean allNamed = true;
        for (Entry entry : list) {
            Double weight = weights.get(entry.name());
            if (weight != null) {
                given += weight;
                named.add(entry.name());
            } else {
                others += entry.weight();
                allNamed = false;
            }
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String which = String.join(", ", named);
        if (given > 1 + SUM_TOLERANCE) {
            return Optional.of("the weights of " + which + " sum to " + round(given)
                    + "; entries of one list can take at most 1 in all");
        }
        if (allNamed && Math.abs(given - 1) > SUM_TOLERANCE) {
            return Optional.of("the weights of " + which + ", every entry of their list, sum to " + round(given)
                    + "; they must sum to 1 (within 1e-9)");
        }
        if (!allNamed && others == 0 && 1 - given > SUM_TOLERANCE) {
            return Optional.of("the weights of " + which + " sum to " + round(given)
                    + ", and the other entries of their list weigh 0, so nothing can take the rest");
        }
        return Optional.empty();
    }

    /**
     * This population with the given entries' weights replaced; in each list, the entries not named
     * are scaled so the list still sums to 1, keeping their proportions. Check every list with
     * {@link #overrideProblem} first.
     */
    public Population withWeights(Map<String, Double> weights) {
        return new Population(name, description, file, reweigh(entries, weights));
    }

    private static List<Entry> reweigh(List<Entry> list, Map<String, Double> weights) {
        double given = 0;
        double others = 0;
        boolean named = false;
        for (Entry entry : list) {
            Double weight = weights.get(entry.name());
            if (weight != null) {
                given += weight;
                named = true;
            } else {
                others += entry.weight();
            }
        }
        // A list without overrides keeps its weights exactly as written.
        double scale = !named ? 1 : others > 0 ? Math.max(0, 1 - given) / others : 0;
        List<Entry> result = new ArrayList<>();
        for (Entry entry : list) {
            Double weight = weights.get(entry.name());
            Entry reweighed = entry.withWeight(weight != null ? weight : entry.weight() * scale);
            if (reweighed instanceof Group group) {
                reweighed = new Group(group.name(), group.weight(), group.population(), group.source(),
                        group.assumption(), reweigh(group.entries(), weights));
            }
            result.add(reweighed);
        }
        return result;
    }

    static String round(double d) {
        return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
