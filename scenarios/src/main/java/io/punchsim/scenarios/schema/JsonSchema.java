package io.punchsim.scenarios.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.nat.NatBehaviour;
import io.punchsim.nat.NatPresets;
import io.punchsim.protocol.config.Parameter;
import io.punchsim.protocol.config.ProtocolParameters;
import io.punchsim.protocol.config.Units;
import io.punchsim.protocol.config.ValueType;
import io.punchsim.reports.gate.GateOperator;
import io.punchsim.reports.gate.JudgedOn;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.metric.Unit;
import io.punchsim.scenarios.link.LinkPresets;
import io.punchsim.scenarios.link.RegionPairs;
import io.punchsim.scenarios.load.Keys;
import io.punchsim.scenarios.load.NatWords;
import io.punchsim.scenarios.load.Populations;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.UntunableKeys;
import io.punchsim.scenarios.model.ScenarioDefaults;
import io.punchsim.scenarios.population.Population;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scenario file format as a JSON Schema (draft 2020-12), so editors can complete and check
 * scenario files. It describes the same keys the loader accepts; the loader stays the authority
 * on ranges that a schema cannot express (weights summing to 1, low below high).
 */
public final class JsonSchema {

    public static final String ID = "https://punchsim.io/schema/scenario.json";

    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final String DURATION_PATTERN = "^" + Units.DURATION_REGEX + "$";
    // 0% to 100%, as the loader accepts.
    private static final String PERCENT_PATTERN = "^(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)\\s*%$";
    private static final String FRACTION_PATTERN = "^[0-9]+\\s*/\\s*[0-9]+$";

    private JsonSchema() {
    }

    /** The schema as pretty-printed JSON. */
    public static String text() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode schema() {
        ObjectNode root = J.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID);
        root.put("title", "punchsim scenario");
        root.put("description", "One scenario: the peers' NATs and links, service placement, protocol parameters,"
                + " faults, seeds, an optional sweep grid and optional gates.");
        root.put("type", "object");
        root.put("additionalProperties", false);
        ObjectNode p = root.putObject("properties");
        p.set("name", described(type("string"), "Scenario name; defaults to the file name without extension."));
        p.set("description", described(type("string"), "Free text shown in reports."));
        p.set("seeds", integer(1, 100_000_000, ScenarioDefaults.SEEDS, "Number of runs, one per derived seed."));
        p.set("root-seed", described(type("integer"), "Seed every run's seed is derived from. Default 1."));
        p.set("session", session());
        p.set("host", ref("peer", "The host (server peer)."));
        p.set("client", ref("peer", "The client (joining peer). Its join-delay defaults to uniform [0s, 2s]."));
        p.set("network", network());
        p.set("protocol", ref("protocol", "Parameters of the connection process."));
        ObjectNode faults = described(type("array"), "Faults over virtual time.");
        faults.set("items", ref("fault", null));
        p.set("faults", faults);
        // Filled in last, from every other key: see sweep().
        p.putObject("sweep");
        ObjectNode gates = described(type("array"), "Pass/fail rules on the report.");
        gates.set("items", ref("gate", null));
        p.set("gates", gates);
        p.set("precision", ref("precision", "Run each point to a precision instead of a seed count."));
        // Filled in last, from the sweep's axes: see tune().
        p.putObject("tune");

        ObjectNode defs = root.putObject("$defs");
        defs.set("duration", described(pattern(DURATION_PATTERN), "A duration: " + Units.DURATION_FORM + "."));
        defs.set("rate", rate());
        defs.set("fraction", fraction());
        defs.set("latency", latency());
        defs.set("loss", loss());
        defs.set("link-direction", linkDirection());
        defs.set("link", link());
        defs.set("nat", nat());
        defs.set("nat-single", natSingle());
        defs.set("nat-custom", natCustom());
        defs.set("peer", peer());
        defs.set("placement", placement());
        defs.set("protocol", protocol());
        defs.set("fault", fault());
        defs.set("gate", gate());
        defs.set("precision", precision());
        defs.set("objective", objective());
        ObjectNode axis = described(type("array"), "The values of one sweep axis, at least one.");
        axis.put("minItems", 1);
        defs.set("sweep-axis", axis);
        Map<String, String> axes = axes(root);
        p.set("sweep", sweep(root, axes));
        p.set("tune", tune(root, axes));
        return root;
    }

    private static volatile Set<String> axisPaths;

    /**
     * Every dotted key path a sweep axis or a tuned key can name, in schema order: any key of any
     * mapping form a value may take, outside the file-wide sections.
     */
    public static Set<String> axisPaths() {
        if (axisPaths == null) {
            axisPaths = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(
                    schema().get("properties").get("sweep").get("properties").properties().stream()
                            .map(Map.Entry::getKey).toList()));
        }
        return axisPaths;
    }

    /** Every dotted key path a sweep axis or a tuned key can name, each with the pointer of its value's schema. */
    private static Map<String, String> axes(ObjectNode root) {
        Map<String, String> axes = new LinkedHashMap<>();
        root.get("properties").fields().forEachRemaining(e -> {
            if (!Keys.FILE_SECTIONS.contains(e.getKey())) {
                axisPaths(root, e.getKey(), "#/properties/" + pointerToken(e.getKey()), axes, 0);
            }
        });
        return axes;
    }

    private static ObjectNode precision() {
        ObjectNode pr = object("Each point runs whole batches of seeds, in seed order, until the 95% Wilson half-width of every"
                + " listed rate is at most half-width, or max-seeds have run.");
        ObjectNode p = (ObjectNode) pr.get("properties");
        ObjectNode width = J.objectNode();
        width.put("description", "The largest 95% half-width accepted, above 0 and at most 50%, e.g. 0.5%.");
        ArrayNode any = width.putArray("anyOf");
        ObjectNode number = type("number");
        number.put("exclusiveMinimum", 0);
        number.put("maximum", 0.5);
        any.add(number);
        any.add(pattern("^(50(\\.0+)?|[0-4]?[0-9](\\.[0-9]+)?)\\s*%$"));
        p.set("half-width", width);
        ObjectNode metrics = described(type("array"), "The rates judged. Default: every rate metric.");
        metrics.set("items", words(io.punchsim.reports.precision.Precision.rateMetrics().stream().map(Metric::key).toList(), null));
        metrics.put("minItems", 1);
        metrics.put("uniqueItems", true);
        p.set("metrics", metrics);
        p.set("batch", integer(1, 100_000_000, io.punchsim.reports.precision.Precision.DEFAULT_BATCH, "Seeds per batch."));
        p.set("max-seeds", integer(1, 100_000_000, io.punchsim.reports.precision.Precision.DEFAULT_MAX_SEEDS,
                "The most seeds a point runs."));
        pr.set("required", array("half-width"));
        return pr;
    }

    private static ObjectNode objective() {
        ObjectNode o = object("A registered metric to maximize or to minimize.");
        o.put("minProperties", 1);
        o.put("maxProperties", 1);
        List<String> metrics = Metrics.all().stream().map(Metric::key).toList();
        ((ObjectNode) o.get("properties")).set("maximize", words(metrics, null));
        ((ObjectNode) o.get("properties")).set("minimize", words(metrics, null));
        return o;
    }

    /**
     * The tune: each tuned key is a path a sweep axis can name, to a list of its values; a numeric
     * protocol parameter may instead take {range: [low, high], step}.
     */
    private static ObjectNode tune(ObjectNode root, Map<String, String> axes) {
        ObjectNode t = object("Searches the grid of the tuned values for the front of the objectives under the constraints"
                + " (punchsim tune).");
        ObjectNode p = (ObjectNode) t.get("properties");
        ObjectNode parameters = object("Tuned keys: a dotted key path to a list of values, or for a duration, count, fraction or"
                + " number of the protocol table {range: [low, high], step}.");
        parameters.put("minProperties", 1);
        ObjectNode properties = (ObjectNode) parameters.get("properties");
        axes.forEach((path, pointer) -> {
            if (UntunableKeys.why(path).isPresent()) {
                return;
            }
            ObjectNode list = ref("sweep-axis", null);
            list.set("items", refTo(pointer));
            Optional<Parameter<?>> parameter = ProtocolParameters.byPath(path);
            Optional<ObjectNode> step = parameter.flatMap(q -> step(q.type()));
            if (step.isEmpty()) {
                properties.set(path, list);
                return;
            }
            ObjectNode range = object(null);
            ObjectNode ends = described(type("array"), "[low, high], low below high.");
            ends.set("items", refTo(pointer));
            ends.put("minItems", 2);
            ends.put("maxItems", 2);
            ((ObjectNode) range.get("properties")).set("range", ends);
            ((ObjectNode) range.get("properties")).set("step", step.get());
            range.set("required", array("range"));
            ObjectNode either = J.objectNode();
            either.putArray("anyOf").add(list).add(range);
            properties.set(path, either);
        });
        p.set("parameters", parameters);
        ObjectNode objectives = described(type("array"), "What to push up or down; at least one.");
        objectives.set("items", ref("objective", null));
        objectives.put("minItems", 1);
        p.set("objectives", objectives);
        ObjectNode constraints = described(type("array"), "Gates every recommended setting must pass.");
        constraints.set("items", ref("gate", null));
        p.set("constraints", constraints);
        p.set("choose", ref("objective", "Which front point to recommend. Default: the first objective."));
        ObjectNode budget = object("The most runs the tune may make.");
        ObjectNode runs = type("integer");
        runs.put("minimum", 1);
        ((ObjectNode) budget.get("properties")).set("runs", runs);
        budget.set("required", array("runs"));
        p.set("budget", budget);
        p.set("initial", integer(1, 100_000, 10, "Candidates in the first, space-filling design. Default 10 per tuned key."));
        ObjectNode plot = described(type("array"), "The two metrics tune.html plots. Default: the first two objectives.");
        plot.set("items", words(Metrics.all().stream().map(Metric::key).toList(), null));
        plot.put("minItems", 2);
        plot.put("maxItems", 2);
        p.set("plot", plot);
        t.set("required", array("parameters", "objectives"));
        return t;
    }

    /** The schema of a range's step for a numeric type, empty for types a range does not take. */
    private static Optional<ObjectNode> step(ValueType<?> type) {
        if (type instanceof ValueType.Count) {
            ObjectNode step = type("integer");
            step.put("minimum", 1);
            step.put("description", "Default 1: every whole number.");
            return Optional.of(step);
        }
        if (type instanceof ValueType.Real) {
            ObjectNode step = number(0, Double.MAX_VALUE, true);
            step.put("description", "Default: a tenth of the range.");
            return Optional.of(step);
        }
        if (type instanceof ValueType.Share) {
            return Optional.of(ref("fraction", "Default: a tenth of the range."));
        }
        if (type instanceof ValueType.Duration) {
            return Optional.of(ref("duration", "Default: a tenth of the range."));
        }
        return Optional.empty();
    }

    /**
     * The sweep: every dotted key path an axis can name, derived from the rest of the schema, each
     * to a list of values valid at that key. A path runs through mappings only (a list cannot be
     * entered); it can name any key of any mapping form a value may take (a custom NAT, a
     * distribution, a loss model), so the schema never refuses an axis the loader accepts.
     */
    private static ObjectNode sweep(ObjectNode root, Map<String, String> axes) {
        ObjectNode sweep = object("Axes of a full grid: a dotted key path (e.g. protocol.attempt-interval)"
                + " to the list of values it takes. The first axis varies slowest.");
        ObjectNode properties = (ObjectNode) sweep.get("properties");
        ObjectNode patterns = J.objectNode();
        axes.forEach((path, pointer) -> {
            ObjectNode axis = ref("sweep-axis", null);
            axis.set("items", refTo(pointer));
            properties.set(path, axis);
            // Keys matched by a pattern (a population's entry names) are axes below their mapping.
            JsonNode value = root.at(pointer.substring(1));
            while (value.has("$ref")) {
                value = root.at(value.get("$ref").asText().substring(1));
            }
            if (value.has("patternProperties")) {
                value.get("patternProperties").fields().forEachRemaining(e -> {
                    ObjectNode patternAxis = ref("sweep-axis", null);
                    patternAxis.set("items", e.getValue().deepCopy());
                    patterns.set("^" + path.replace(".", "\\.") + "\\." + e.getKey().substring(1), patternAxis);
                });
            }
        });
        if (!patterns.isEmpty()) {
            sweep.set("patternProperties", patterns);
        }
        return sweep;
    }

    /** Adds {@code path} and every path below it, each with the pointer of the schema of its value. */
    private static void axisPaths(ObjectNode root, String path, String pointer, Map<String, String> into, int depth) {
        into.putIfAbsent(path, pointer);
        if (depth > 16) {
            throw new IllegalStateException("the schema nests too deep at " + path);
        }
        children(root, pointer, path, into, depth, new HashSet<>());
    }

    /** Expands the keys of every mapping form the schema at {@code pointer} allows, through references and alternatives. */
    private static void children(ObjectNode root, String pointer, String path, Map<String, String> into, int depth,
            Set<String> seen) {
        if (!seen.add(pointer)) {
            return;
        }
        JsonNode node = root.at(pointer.substring(1));
        if (node.isMissingNode()) {
            throw new IllegalStateException("no schema at " + pointer);
        }
        if (node.has("$ref")) {
            children(root, node.get("$ref").asText(), path, into, depth, seen);
        }
        if (node.has("properties")) {
            node.get("properties").fieldNames().forEachRemaining(key -> axisPaths(root, path + "." + key,
                    pointer + "/properties/" + pointerToken(key), into, depth + 1));
        }
        for (String alternatives : List.of("anyOf", "oneOf", "allOf")) {
            if (node.has(alternatives)) {
                for (int i = 0; i < node.get(alternatives).size(); i++) {
                    children(root, pointer + "/" + alternatives + "/" + i, path, into, depth, seen);
                }
            }
        }
    }

    /** A key as one token of a JSON pointer (RFC 6901). */
    private static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static ObjectNode refTo(String pointer) {
        ObjectNode o = J.objectNode();
        o.put("$ref", pointer);
        return o;
    }

    private static ObjectNode network() {
        ObjectNode n = object("Where the shared services sit, and whether the peers share a LAN.");
        ObjectNode p = (ObjectNode) n.get("properties");
        p.set("same-lan", bool(ScenarioDefaults.SAME_LAN, "Every client behind the host's NAT (client.nat must then be absent)."));
        ObjectNode shared = type("object");
        shared.put("description", "NATs that several peers sit behind, one instance each per run: name to one NAT (a"
                + " preset or custom NAT), named in a chain's last hop as {shared: NAME}.");
        shared.put("additionalProperties", false);
        shared.putObject("patternProperties").set(SHARED_NAME, ref("nat-single", null));
        p.set("shared-nats", shared);
        p.set("cloud", ref("placement", "Latency from each peer's network to the cloud. Default 30ms."));
        p.set("stun", ref("placement", "Latency from each peer's network to the STUN server. Default 20ms."));
        p.set("peer-path", ref("link", "The internet between the two access links (up: host to client); not crossed by cloud or STUN traffic. Default instant and lossless."));
        return n;
    }

    private static ObjectNode rate() {
        ObjectNode r = J.objectNode();
        r.put("description", "A rate in 0..1: a decimal like 0.05 or a percentage like 5%.");
        ArrayNode any = r.putArray("anyOf");
        ObjectNode number = type("number");
        number.put("minimum", 0);
        number.put("maximum", 1);
        any.add(number);
        any.add(pattern(PERCENT_PATTERN));
        return r;
    }

    private static ObjectNode fraction() {
        ObjectNode r = rate();
        r.put("description", "A fraction in 0..1: a decimal, a percentage or p/q such as 2/3.");
        ((ArrayNode) r.get("anyOf")).add(pattern(FRACTION_PATTERN));
        return r;
    }

    private static ObjectNode latency() {
        ObjectNode l = J.objectNode();
        l.put("description", "A delay distribution: a duration (constant) or exactly one of constant, uniform,"
                + " normal (truncated at zero), lognormal (median and sigma), pareto, empirical.");
        ArrayNode any = l.putArray("anyOf");
        any.add(ref("duration", null));
        ObjectNode dist = object(null);
        dist.put("minProperties", 1);
        dist.put("maxProperties", 1);
        ObjectNode p = (ObjectNode) dist.get("properties");
        p.set("constant", ref("duration", null));
        ObjectNode uniform = described(type("array"), "[low, high]");
        uniform.set("items", ref("duration", null));
        uniform.put("minItems", 2);
        uniform.put("maxItems", 2);
        p.set("uniform", uniform);
        ObjectNode normal = object(null);
        ((ObjectNode) normal.get("properties")).set("mean", ref("duration", null));
        ((ObjectNode) normal.get("properties")).set("sd", ref("duration", null));
        normal.set("required", array("mean", "sd"));
        p.set("normal", normal);
        ObjectNode lognormal = object("Log-normal by its median and the sd of the underlying normal.");
        ((ObjectNode) lognormal.get("properties")).set("median", ref("duration", null));
        ((ObjectNode) lognormal.get("properties")).set("sigma", number(0, 5, false));
        lognormal.set("required", array("median", "sigma"));
        p.set("lognormal", lognormal);
        ObjectNode pareto = object("Pareto type I: minimum scale, tail index shape.");
        ((ObjectNode) pareto.get("properties")).set("scale", ref("duration", null));
        ((ObjectNode) pareto.get("properties")).set("shape", number(0, 100, true));
        pareto.set("required", array("scale", "shape"));
        p.set("pareto", pareto);
        ObjectNode empirical = described(type("array"), "[duration, probability] pairs; probabilities sum to 1.");
        ObjectNode pair = type("array");
        pair.put("minItems", 2);
        pair.put("maxItems", 2);
        pair.putArray("prefixItems").add(ref("duration", null)).add(ref("rate", null));
        empirical.set("items", pair);
        empirical.put("minItems", 1);
        p.set("empirical", empirical);
        any.add(dist);
        return l;
    }

    private static ObjectNode loss() {
        ObjectNode l = J.objectNode();
        l.put("description", "A rate (Bernoulli) or exactly one of bernoulli, gilbert-elliott.");
        ArrayNode any = l.putArray("anyOf");
        any.add(ref("rate", null));
        ObjectNode model = object(null);
        model.put("minProperties", 1);
        model.put("maxProperties", 1);
        ObjectNode p = (ObjectNode) model.get("properties");
        p.set("bernoulli", ref("rate", null));
        ObjectNode ge = object("Two-state burst loss; transition probabilities are per packet.");
        ObjectNode gp = (ObjectNode) ge.get("properties");
        gp.set("p-good-to-bad", ref("rate", null));
        gp.set("p-bad-to-good", ref("rate", null));
        gp.set("loss-good", ref("rate", "Loss in the good state. Default 0."));
        gp.set("loss-bad", ref("rate", "Loss in the bad state. Default 1."));
        ge.set("required", array("p-good-to-bad", "p-bad-to-good"));
        p.set("gilbert-elliott", ge);
        any.add(model);
        return l;
    }

    private static ObjectNode linkDirection() {
        ObjectNode d = object("One direction of an access link.");
        directionProperties((ObjectNode) d.get("properties"));
        return d;
    }

    private static void directionProperties(ObjectNode p) {
        p.set("latency", ref("latency", "One-way latency. Default 10ms."));
        p.set("jitter", ref("duration", "Extra uniform delay in [0, jitter] per packet. Default 0s."));
        p.set("fifo", bool(ScenarioDefaults.FIFO, "Keep packets in order despite jitter."));
        p.set("loss", ref("loss", "Loss model. Default 0."));
        p.set("duplication", ref("rate", "Share of packets delivered twice. Default 0."));
    }

    private static ObjectNode link() {
        ObjectNode l = object("A peer's access link; top-level values apply to both directions, up/down override.");
        ObjectNode p = (ObjectNode) l.get("properties");
        p.set("preset", words(LinkPresets.names(), "A link from the field data (punchsim presets lists them);"
                + " the other keys override it."));
        directionProperties(p);
        p.set("up", ref("link-direction", "Peer toward the internet."));
        p.set("down", ref("link-direction", "Internet toward the peer."));
        return l;
    }

    private static ObjectNode nat() {
        ObjectNode n = J.objectNode();
        n.put("description", "A preset name, custom behaviours, a chain (list, from the peer outward) or a weighted mix.");
        ArrayNode any = n.putArray("anyOf");
        any.add(ref("nat-single", null));
        ObjectNode chain = described(type("array"), "NATs from the peer outward, e.g. [port-restricted-cone, cgnat].");
        chain.set("items", ref("nat-single", null));
        chain.put("minItems", 1);
        chain.put("maxItems", NatWords.MAX_HOPS);
        any.add(chain);
        ObjectNode shorthand = object("Mix of presets: preset name to weight; weights sum to 1.");
        shorthand.put("minProperties", 1);
        for (String preset : NatPresets.names()) {
            ((ObjectNode) shorthand.get("properties")).set(preset, ref("rate", null));
        }
        any.add(shorthand);
        ObjectNode mix = object("Mix of any NATs; weights sum to 1.");
        ObjectNode options = type("array");
        options.put("minItems", 1);
        ObjectNode option = object(null);
        ObjectNode single = J.objectNode();
        single.putArray("anyOf").add(ref("nat-single", null)).add(chain.deepCopy());
        ((ObjectNode) option.get("properties")).set("nat", single);
        ((ObjectNode) option.get("properties")).set("weight", ref("rate", null));
        option.set("required", array("nat", "weight"));
        options.set("items", option);
        ((ObjectNode) mix.get("properties")).set("mix", options);
        mix.set("required", array("mix"));
        any.add(mix);
        any.add(population());
        return n;
    }

    /**
     * A named population, with overrides of its entries' weights. Entry names are the population
     * files' own, so they are matched by pattern, not listed as keys of the format.
     */
    private static ObjectNode population() {
        ObjectNode pop = object("A population of the field data (punchsim populations lists them), drawn as a mix"
                + " of its NATs.");
        ObjectNode p = (ObjectNode) pop.get("properties");
        p.set("population", words(Populations.NAMES, null));
        ObjectNode weights = type("object");
        weights.put("description", "Entry name to weight within its list; the other entries of that list are scaled"
                + " to fill the rest.");
        weights.put("additionalProperties", false);
        weights.putObject("patternProperties").set(entryNamePattern(), ref("rate", null));
        p.set("weights", weights);
        pop.set("required", array("population"));
        return pop;
    }

    /** Any entry name of any shipped population, as one anchored pattern. */
    private static String entryNamePattern() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try {
            for (Population population : Populations.all()) {
                names.addAll(population.names());
            }
        } catch (ScenarioException e) {
            throw new IllegalStateException("a shipped population does not load: " + e.getMessage(), e);
        }
        return "^(" + String.join("|", names) + ")$";
    }

    private static ObjectNode natSingle() {
        ObjectNode n = J.objectNode();
        ArrayNode any = n.putArray("anyOf");
        any.add(presetName());
        any.add(ref("nat-custom", null));
        ObjectNode shared = object("The NAT declared under network.shared-nats with this name, one instance for every"
                + " peer whose NAT ends in it; only as a peer's whole NAT or the last NAT of a chain.");
        ((ObjectNode) shared.get("properties")).set("shared", described(pattern(SHARED_NAME), null));
        shared.set("required", array("shared"));
        any.add(shared);
        return n;
    }

    private static final String SHARED_NAME = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private static ObjectNode presetName() {
        ObjectNode e = described(type("string"), "A NAT preset (punchsim presets lists them).");
        ArrayNode values = e.putArray("enum");
        NatPresets.names().forEach(values::add);
        return e;
    }

    private static ObjectNode natCustom() {
        ObjectNode c = object("RFC 4787 behaviours; with preset, only the keys given override it.");
        ObjectNode p = (ObjectNode) c.get("properties");
        p.set("preset", presetName());
        NatBehaviour d = ScenarioDefaults.CUSTOM_NAT;
        p.set("mapping", words(NatWords.MAPPINGS, "Mapping behaviour. Default " + NatWords.word(d.mapping()) + "."));
        p.set("filtering", words(NatWords.FILTERINGS, "Filtering behaviour. Default " + NatWords.word(d.filtering()) + "."));
        p.set("allocation", words(NatWords.ALLOCATIONS, "Port allocation (preserve falls back to sequential). Default "
                + NatWords.allocation(d.allocation()) + "."));
        p.set("port-step", integer(1, NatWords.MAX_PORT_STEP, NatWords.step(d.allocation()).orElseThrow(),
                "Step of sequential allocation, also preserve's fallback."));
        ObjectNode range = described(type("array"), "[low, high] external ports. Default [" + d.ports().low() + ", "
                + d.ports().high() + "].");
        ObjectNode port = type("integer");
        port.put("minimum", 1);
        port.put("maximum", 65_535);
        range.set("items", port);
        range.put("minItems", 2);
        range.put("maxItems", 2);
        p.set("port-range", range);
        p.set("lifetime", ref("duration", "Mapping lifetime, refreshed by outbound packets; "
                + Units.formatDuration(NatWords.MIN_LIFETIME) + ".." + Units.formatDuration(NatWords.MAX_LIFETIME)
                + ". Default " + Units.formatDuration(d.lifetime().unrepliedNanos()) + "."));
        p.set("inbound-refresh", bool(d.lifetime().inboundRefresh(), "Inbound packets also refresh a mapping."));
        p.set("hairpinning", bool(d.hairpinning(), "Inside hosts reach each other via external addresses."));
        p.set("external-addresses", integer(1, NatWords.MAX_EXTERNAL_ADDRESSES, ScenarioDefaults.NAT_EXTERNAL_ADDRESSES,
                "Size of the external address pool."));
        p.set("pooling", words(NatWords.POOLINGS, "Pooling behaviour. Default " + NatWords.word(d.pooling()) + "."));
        p.set("max-mappings", integer(1, NatWords.MAX_MAPPINGS, d.maxMappings(), "Cap on simultaneous mappings."));
        p.set("on-full", words(NatWords.ON_FULL, "What happens when the cap is reached. Default "
                + NatWords.onFull(d.onCapReached()) + "."));
        p.set("port-mapping", words(NatWords.PORT_MAPPINGS, "Port-mapping service offered to the peer behind it"
                + " (the port-mapping variant asks it); not on a cgnat, a non-translating NAT or a later NAT of a chain."
                + " Default " + NatWords.word(d.portMapping()) + "."));
        return c;
    }

    private static ObjectNode peer() {
        ObjectNode peer = object("A peer: NAT, access link, start-up and join delays.");
        ObjectNode p = (ObjectNode) peer.get("properties");
        p.set("nat", ref("nat", "Default port-restricted-cone."));
        p.set("link", ref("link", "Access link. Default 10ms each way, no loss."));
        p.set("startup-delay", ref("latency", "Runner start-up delay (H7/C7). Default uniform [0ms, 100ms]."));
        p.set("join-delay", ref("latency", "When the peer starts after the run begins. Default 0s (host), uniform [0s, 2s] (client)."));
        return peer;
    }

    private static ObjectNode placement() {
        ObjectNode pl = object("Latency from each peer's network to a service.");
        ObjectNode p = (ObjectNode) pl.get("properties");
        p.set("latency", ref("latency", "Both peers."));
        p.set("region", words(RegionPairs.names(), "Both peers, one region pair away: the one-way latency between"
                + " the two regions (punchsim presets lists them); not with latency."));
        p.set("from-host", ref("latency", "From the host's network; overrides latency."));
        p.set("from-client", ref("latency", "From the client's network; overrides latency."));
        return pl;
    }

    /** The protocol section, from the protocol's parameter table (the binder reads the same rows). */
    private static ObjectNode protocol() {
        return parameterGroup(Parameter.Scope.PROTOCOL, "", "Parameters of the connection process (SPEC section 2).");
    }

    /** The session section: the number of clients, then the session rows of the parameter table. */
    private static ObjectNode session() {
        ObjectNode session = parameterGroup(Parameter.Scope.SESSION, "", "One game session: the host and the clients"
                + " that join it, each drawing its own NAT, link and delays from client.");
        ObjectNode clients = integer(1, ScenarioDefaults.MAX_CLIENTS, ScenarioDefaults.CLIENTS, "Clients that join the host's session.");
        ObjectNode properties = (ObjectNode) session.get("properties");
        ObjectNode ordered = J.objectNode();
        ordered.set("clients", clients);
        ordered.setAll(properties);
        session.set("properties", ordered);
        return session;
    }

    private static ObjectNode parameterGroup(Parameter.Scope scope, String prefix, String description) {
        ObjectNode group = object(description);
        ObjectNode properties = (ObjectNode) group.get("properties");
        for (String name : Keys.sectionLevel(scope, prefix)) {
            String key = prefix + name;
            properties.set(name, ProtocolParameters.byKey(key).<ObjectNode>map(JsonSchema::protocolValue)
                    .orElseGet(() -> parameterGroup(scope, key + ".", null)));
        }
        return group;
    }

    private static ObjectNode protocolValue(Parameter<?> parameter) {
        ValueType<?> type = parameter.type();
        String description = parameter.description() + ". Default " + parameter.defaultText()
                + (type.range().isEmpty() ? "." : "; " + type.range() + ".");
        ObjectNode node;
        if (type instanceof ValueType.Count count) {
            node = type("integer");
            node.put("minimum", count.min());
            node.put("maximum", count.max());
        } else if (type instanceof ValueType.Real real) {
            node = number(real.min(), real.max(), real.minExclusive());
        } else if (type instanceof ValueType.Switch) {
            node = type("boolean");
        } else if (type instanceof ValueType.Share) {
            return ref("fraction", description);
        } else {
            return ref("duration", description);
        }
        Object value = parameter.defaultValue();
        if (value instanceof Integer i) {
            node.put("default", i);
        } else if (value instanceof Double d) {
            node.put("default", d);
        } else if (value instanceof Boolean b) {
            node.put("default", b);
        }
        return described(node, description);
    }

    private static ObjectNode fault() {
        ObjectNode f = object("Exactly one of link-down, loss-burst, nat-rebinding.");
        f.put("minProperties", 1);
        f.put("maxProperties", 1);
        ObjectNode p = (ObjectNode) f.get("properties");
        ObjectNode down = object("The link carries nothing in [from, to).");
        linkFaultProperties((ObjectNode) down.get("properties"));
        down.set("required", array("link", "from", "to"));
        p.set("link-down", down);
        ObjectNode burst = object("Extra loss at rate in [from, to).");
        linkFaultProperties((ObjectNode) burst.get("properties"));
        ((ObjectNode) burst.get("properties")).set("rate", ref("rate", null));
        burst.set("required", array("link", "from", "to", "rate"));
        p.set("loss-burst", burst);
        ObjectNode rebinding = object("A NAT drops all its mappings at a time.");
        ObjectNode rp = (ObjectNode) rebinding.get("properties");
        rp.set("nat", words(List.of("host", "client"), "Whose NAT."));
        rp.set("hop", integer(0, NatWords.MAX_HOPS - 1, 0, "Which NAT of a chain, 0 = nearest the peer."));
        rp.set("at", ref("duration", null));
        rebinding.set("required", array("nat", "at"));
        p.set("nat-rebinding", rebinding);
        return f;
    }

    private static void linkFaultProperties(ObjectNode p) {
        p.set("link", words(List.of("host", "client", "cloud", "stun"), "A peer's access link or a service's attachment."));
        p.set("direction", words(List.of("up", "down", "both"), "Default both."));
        p.set("from", ref("duration", null));
        p.set("to", ref("duration", null));
    }

    // Metric, operator and judgement words are the reports' own; one kind of bound per unit of the gateable metrics.
    private static ObjectNode gate() {
        ObjectNode g = object("A metric, one bound, and what it is judged on.");
        ObjectNode p = (ObjectNode) g.get("properties");
        p.set("metric", words(Metrics.gateable().stream().map(Metric::key).toList(), null));
        Map<Unit, List<String>> byUnit = new EnumMap<>(Unit.class);
        Metrics.gateable().forEach(m -> byUnit.computeIfAbsent(m.unit(), u -> new ArrayList<>()).add(m.key()));
        ObjectNode bound = J.objectNode();
        List<String> kinds = new ArrayList<>();
        List<ObjectNode> forms = new ArrayList<>();
        ArrayNode anyOf = bound.putArray("anyOf");
        byUnit.forEach((unit, keys) -> {
            kinds.add(switch (unit) {
                case FRACTION -> "a rate";
                case NANOSECONDS -> "a duration";
                case BYTES, PACKETS, COUNT -> "a whole number of " + unit.reportedAs();
            } + " for " + String.join(", ", keys));
            ObjectNode form = switch (unit) {
                case FRACTION -> ref("rate", null);
                case NANOSECONDS -> ref("duration", null);
                case BYTES, PACKETS, COUNT -> count();
            };
            if (!forms.contains(form)) {
                forms.add(form);
            }
        });
        forms.forEach(anyOf::add);
        String description = String.join("; ", kinds) + ".";
        bound.put("description", Character.toUpperCase(description.charAt(0)) + description.substring(1));
        for (GateOperator op : GateOperator.values()) {
            p.set(op.key(), bound.deepCopy());
        }
        p.set("judged-on", words(Arrays.stream(JudgedOn.values()).map(JudgedOn::key).toList(),
                "estimate, or the 95% interval's conservative bound. Default " + ScenarioDefaults.JUDGED_ON.key() + "."));
        g.set("required", array("metric"));
        ArrayNode oneOf = g.putArray("oneOf");
        for (GateOperator op : GateOperator.values()) {
            oneOf.addObject().set("required", array(op.key()));
        }
        return g;
    }

    private static ObjectNode count() {
        ObjectNode o = type("integer");
        o.put("minimum", 0);
        return o;
    }

    // ---- small builders ----

    private static ObjectNode object(String description) {
        ObjectNode o = type("object");
        if (description != null) {
            o.put("description", description);
        }
        o.put("additionalProperties", false);
        o.putObject("properties");
        return o;
    }

    private static ObjectNode type(String type) {
        ObjectNode o = J.objectNode();
        o.put("type", type);
        return o;
    }

    private static ObjectNode described(ObjectNode node, String description) {
        if (description != null) {
            node.put("description", description);
        }
        return node;
    }

    private static ObjectNode ref(String def, String description) {
        ObjectNode o = J.objectNode();
        o.put("$ref", "#/$defs/" + def);
        return described(o, description);
    }

    private static ObjectNode pattern(String regex) {
        ObjectNode o = type("string");
        o.put("pattern", regex);
        return o;
    }

    private static ObjectNode integer(long min, long max, long defaultValue, String description) {
        ObjectNode o = type("integer");
        o.put("minimum", min);
        o.put("maximum", max);
        o.put("default", defaultValue);
        return described(o, description);
    }

    private static ObjectNode number(double min, double max, boolean minExclusive) {
        ObjectNode o = type("number");
        o.put(minExclusive ? "exclusiveMinimum" : "minimum", min);
        o.put("maximum", max);
        return o;
    }

    private static ObjectNode bool(boolean defaultValue, String description) {
        ObjectNode o = type("boolean");
        o.put("default", defaultValue);
        return described(o, description);
    }

    private static ObjectNode words(List<String> words, String description) {
        ObjectNode o = type("string");
        ArrayNode values = o.putArray("enum");
        words.forEach(values::add);
        return described(o, description);
    }

    private static ArrayNode array(String... values) {
        ArrayNode a = J.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}
