package io.punchsim.scenarios.load;

import io.punchsim.scenarios.model.NatSpec;
import io.punchsim.scenarios.population.Population;
import io.punchsim.scenarios.sweep.TreeOverride;
import io.punchsim.scenarios.yaml.Node;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds a population file: its entries' NATs through the scenario binder's own NAT reading, every
 * weight, name, source and assumption checked where it is written.
 */
final class PopulationBinder {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> KINDS = List.of("nat", "entries", "population");

    private final Fields f;
    private final String file;
    private final Deque<String> including;
    /** Where each entry name was first written, to refuse a second entry of the same name. */
    private final Map<String, Node.Position> names = new HashMap<>();

    PopulationBinder(Fields fields, String file, Deque<String> including) {
        this.f = fields;
        this.file = file;
        this.including = including;
    }

    Population bind(Node root, String expectedName) {
        Optional<Fields.Obj> top = f.object(root, "", Keys.POPULATION_FILE);
        if (top.isEmpty()) {
            return null;
        }
        Fields.Obj o = top.get();
        String name = expectedName;
        if (required(o, "name")) {
            Node node = o.take("name").orElseThrow();
            Optional<String> given = f.text(node, "name", "the population's name");
            if (given.isPresent() && !given.get().equals(expectedName)) {
                f.report(node, "name", "a population is known by its file's name; write name: " + expectedName);
            }
        }
        String description = required(o, "description")
                ? o.take("description").flatMap(n -> f.text(n, "description", "a sentence or two")).orElse("")
                : "";
        List<Population.Entry> entries = required(o, "entries")
                ? o.take("entries").map(n -> entries(n, "entries")).orElse(List.of())
                : List.of();
        o.finish();
        return new Population(name, description, file, entries);
    }

    private boolean required(Fields.Obj o, String key) {
        if (!o.has(key)) {
            f.report(o.mapping, o.path, "missing required key '" + key + "'");
            return false;
        }
        return true;
    }

    private List<Population.Entry> entries(Node node, String path) {
        Optional<List<Node>> items = f.list(node, path, "entries {name, weight, nat | entries | population, source, assumption}");
        if (items.isEmpty()) {
            return List.of();
        }
        if (items.get().isEmpty()) {
            f.report(node, path, "a list of entries needs at least one entry");
            return List.of();
        }
        int before = f.problems().size();
        List<Population.Entry> entries = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            entry(items.get().get(i), path + "[" + i + "]").ifPresent(entries::add);
        }
        // The sum is only meaningful when every entry was read without a problem.
        double sum = entries.stream().mapToDouble(Population.Entry::weight).sum();
        if (f.problems().size() == before && Math.abs(sum - 1.0) > Population.SUM_TOLERANCE) {
            f.report(node, path, "the weights of these entries sum to " + ScenarioBinder.round(sum)
                    + "; they must sum to 1 (within 1e-9)");
        }
        return entries;
    }

    private Optional<Population.Entry> entry(Node node, String path) {
        Optional<Fields.Obj> obj = f.object(node, path, Keys.POPULATION_ENTRY);
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        Fields.Obj o = obj.get();
        Optional<String> name = required(o, "name") ? o.take("name").flatMap(n -> name(n, o.path("name"))) : Optional.empty();
        double weight = required(o, "weight") ? o.take("weight").map(n -> f.rate(n, o.path("weight"), Double.NaN))
                .orElse(Double.NaN) : Double.NaN;
        Optional<String> source = o.take("source").flatMap(n -> f.text(n, o.path("source"),
                "a sentence naming the figure and its source"));
        Optional<String> assumption = o.take("assumption").flatMap(n -> f.text(n, o.path("assumption"),
                "a sentence saying what was assumed and why"));
        if (!o.has("source") && !o.has("assumption")) {
            f.report(o.mapping, o.path, "an entry needs a 'source' (the figure its weight comes from, with its"
                    + " section of the field data) or an 'assumption' (why the weight was chosen), or both");
        }
        List<String> kinds = KINDS.stream().filter(o::has).toList();
        if (kinds.size() != 1) {
            f.report(o.mapping, o.path, "an entry is exactly one of: a 'nat', a group of 'entries', or a whole other"
                    + " 'population'; this one has " + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
            KINDS.forEach(o::take);
            o.finish();
            return Optional.empty();
        }
        Population.Entry entry = null;
        String kind = kinds.get(0);
        Node value = o.take(kind).orElseThrow();
        if (kind.equals("nat")) {
            NatSpec nat = new ScenarioBinder(f, file).nat(value, o.path("nat"), false);
            entry = name.isEmpty() ? null
                    : new Population.Leaf(name.get(), weight, nat, TreeOverride.render(value), source, assumption);
        } else if (kind.equals("entries")) {
            List<Population.Entry> children = entries(value, o.path("entries"));
            entry = name.isEmpty() ? null
                    : new Population.Group(name.get(), weight, Optional.empty(), source, assumption, children);
        } else {
            Optional<Population> included = include(value, o.path("population"));
            entry = name.isEmpty() || included.isEmpty() ? null : new Population.Group(name.get(), weight,
                    Optional.of(included.get().name()), source, assumption, included.get().entries());
        }
        o.finish();
        return Double.isNaN(weight) ? Optional.empty() : Optional.ofNullable(entry);
    }

    private Optional<String> name(Node node, String path) {
        Optional<String> text = f.text(node, path, "a name in lower case with hyphens, e.g. symmetric-behind-cgnat");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!NAME.matcher(text.get()).matches()) {
            f.report(node, path, "'" + text.get() + "' is not a name: lower-case letters and digits in words joined by"
                    + " hyphens, e.g. symmetric-behind-cgnat");
            return Optional.empty();
        }
        Node.Position first = names.putIfAbsent(text.get(), node.position());
        if (first != null) {
            f.report(node, path, "the name '" + text.get() + "' is already used (line " + first.line()
                    + "); entry names are unique within a population, populations taken in included");
            return Optional.empty();
        }
        return text;
    }

    private Optional<Population> include(Node node, String path) {
        Optional<String> name = f.word(node, path, Populations.NAMES);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (including.contains(name.get())) {
            f.report(node, path, "population '" + name.get() + "' takes itself in, through "
                    + String.join(" <- ", including));
            return Optional.empty();
        }
        Population included;
        try {
            included = Populations.byName(name.get(), including);
        } catch (ScenarioException e) {
            f.problems().addAll(e.problems());
            return Optional.empty();
        }
        boolean clean = true;
        for (String entry : included.names()) {
            Node.Position first = names.putIfAbsent(entry, node.position());
            if (first != null) {
                f.report(node, path, "population '" + name.get() + "' brings in an entry named '" + entry
                        + "', a name already used (line " + first.line() + "); entry names are unique within a population");
                clean = false;
            }
        }
        return clean ? Optional.of(included) : Optional.empty();
    }
}
