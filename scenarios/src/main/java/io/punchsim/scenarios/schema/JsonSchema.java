package io.punchsim.scenarios.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.reports.gate.GateOperator;
import io.punchsim.reports.gate.JudgedOn;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.metric.Unit;
import io.punchsim.scenarios.model.NatPreset;
import io.punchsim.scenarios.model.ScenarioDefaults;
import io.punchsim.scenarios.units.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario file format as a JSON Schema (draft 2020-12), so editors can complete and check
 * scenario files. It describes the same keys the loader accepts; the loader stays the authority
 * on ranges that a schema cannot express (weights summing to 1, low below high).
 */
public final class JsonSchema {

    public static final String ID = "https://punchsim.io/schema/scenario.json";

    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final String DURATION_PATTERN = "^[0-9]+(\\.[0-9]+)?\\s*(ns|us|ms|s|m|h)$";
    // 0% to 100%, as the loader accepts.
    private static final String PERCENT_PATTERN = "^(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)\\s*%$";
    private static final String FRACTION_PATTERN = "^[0-9]+\\s*/\\s*[0-9]+$";
    private static final List<String> BEHAVIOURS =
            List.of("endpoint-independent", "address-dependent", "address-and-port-dependent");

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
        p.set("host", ref("peer", "The host (server peer)."));
        p.set("client", ref("peer", "The client (joining peer). Its join-delay defaults to uniform [0s, 2s]."));
        p.set("network", network());
        p.set("protocol", ref("protocol", "Parameters of the connection process."));
        ObjectNode faults = described(type("array"), "Faults over virtual time.");
        faults.set("items", ref("fault", null));
        p.set("faults", faults);
        ObjectNode sweep = described(type("object"), "Axes of a full grid: a dotted key path (e.g. protocol.attempt-interval)"
                + " to the list of values it takes. The first axis varies slowest.");
        sweep.putObject("propertyNames").put("pattern", "^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$");
        ObjectNode axis = sweep.putObject("additionalProperties");
        axis.put("type", "array");
        axis.put("minItems", 1);
        p.set("sweep", sweep);
        ObjectNode gates = described(type("array"), "Pass/fail rules on the report.");
        gates.set("items", ref("gate", null));
        p.set("gates", gates);

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
        return root;
    }

    private static ObjectNode network() {
        ObjectNode n = object("Where the shared services sit, and whether the peers share a LAN.");
        ObjectNode p = (ObjectNode) n.get("properties");
        p.set("same-lan", bool(ScenarioDefaults.SAME_LAN, "Both peers behind the host's NAT (client.nat must then be absent)."));
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
        any.add(chain);
        ObjectNode shorthand = object("Mix of presets: preset name to weight; weights sum to 1.");
        shorthand.put("minProperties", 1);
        for (String preset : NatPreset.keys()) {
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
        return n;
    }

    private static ObjectNode natSingle() {
        ObjectNode n = J.objectNode();
        ArrayNode any = n.putArray("anyOf");
        any.add(presetName());
        any.add(ref("nat-custom", null));
        return n;
    }

    private static ObjectNode presetName() {
        ObjectNode e = described(type("string"), "A NAT preset.");
        ArrayNode values = e.putArray("enum");
        NatPreset.keys().forEach(values::add);
        return e;
    }

    private static ObjectNode natCustom() {
        ObjectNode c = object("RFC 4787 behaviours; with preset, only the keys given override it.");
        ObjectNode p = (ObjectNode) c.get("properties");
        p.set("preset", presetName());
        p.set("mapping", words(BEHAVIOURS, "Mapping behaviour. Default endpoint-independent."));
        p.set("filtering", words(BEHAVIOURS, "Filtering behaviour. Default address-and-port-dependent."));
        p.set("allocation", words(List.of("preserve", "sequential", "random"), "Port allocation. Default preserve."));
        p.set("port-step", integer(1, 65_535, ScenarioDefaults.NAT_PORT_STEP, "Step of sequential allocation."));
        ObjectNode range = described(type("array"), "[low, high] external ports. Default [1024, 65535].");
        ObjectNode port = type("integer");
        port.put("minimum", 1);
        port.put("maximum", 65_535);
        range.set("items", port);
        range.put("minItems", 2);
        range.put("maxItems", 2);
        p.set("port-range", range);
        p.set("lifetime", ref("duration", "Mapping lifetime, refreshed by outbound packets; 1s..24h. Default 120s."));
        p.set("inbound-refresh", bool(ScenarioDefaults.NAT_INBOUND_REFRESH, "Inbound packets also refresh a mapping."));
        p.set("hairpinning", bool(ScenarioDefaults.NAT_HAIRPINNING, "Inside hosts reach each other via external addresses."));
        p.set("external-addresses", integer(1, 256, ScenarioDefaults.NAT_EXTERNAL_ADDRESSES, "Size of the external address pool."));
        p.set("pooling", words(List.of("paired", "arbitrary"), "Pooling behaviour. Default paired."));
        p.set("max-mappings", integer(1, 1_000_000, ScenarioDefaults.NAT_MAX_MAPPINGS, "Cap on simultaneous mappings."));
        p.set("on-full", words(List.of("drop", "evict-oldest"), "What happens when the cap is reached. Default drop."));
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
        p.set("from-host", ref("latency", "From the host's network; overrides latency."));
        p.set("from-client", ref("latency", "From the client's network; overrides latency."));
        return pl;
    }

    private static ObjectNode protocol() {
        ObjectNode pr = object("Parameters of the connection process (SPEC section 2).");
        ObjectNode p = (ObjectNode) pr.get("properties");
        p.set("attempt-interval", ref("duration", "T, 1ms..60s. Default 500ms."));
        p.set("attempt-limit", integer(1, 1_000, ScenarioDefaults.ATTEMPT_LIMIT, "L, attempts before giving up."));
        p.set("direct-fraction", ref("fraction", "f: attempts n < f*L go direct, later ones through the cloud. Default 2/3."));
        p.set("ping-interval", ref("duration", "P, host pings, 1ms..60s. Default: the attempt interval."));
        p.set("listen-timeout", ref("duration", "How long the host pings and listens, 1ms..1h. Default 10s."));
        p.set("stun-rto", ref("duration", "STUN retransmission timeout, 1ms..60s. Default 500ms."));
        p.set("stun-max-requests", integer(1, 100, ScenarioDefaults.STUN_MAX_REQUESTS, "STUN requests before giving up."));
        p.set("cloud-rto", ref("duration", "Initial signalling retransmission timeout (doubles), 1ms..60s. Default 250ms."));
        p.set("cloud-max-retransmits", integer(0, 100, ScenarioDefaults.CLOUD_MAX_RETRANSMITS, "Signalling retransmissions."));
        p.set("cloud-keepalive", ref("duration", "Keepalive toward the cloud, 100ms..1h. Default 15s."));
        ObjectNode variants = object("Protocol variants (SPEC 2.4); all false by default.");
        ObjectNode vp = (ObjectNode) variants.get("properties");
        vp.set("peer-reflexive", bool(false, "Also target addresses packets come from."));
        vp.set("local-candidates", bool(false, "Also try the peer's local address."));
        vp.set("port-prediction", bool(false, "Also target predicted ports of sequential NATs."));
        vp.set("parallel-relay", bool(false, "Start relay attempts alongside direct ones."));
        p.set("variants", variants);
        ObjectNode noSession = object("What the client does when no session is open.");
        ObjectNode np = (ObjectNode) noSession.get("properties");
        np.set("retries", integer(0, 1_000, ScenarioDefaults.NO_SESSION_RETRIES, "JoinRandom retries."));
        np.set("backoff", ref("duration", "Wait between retries, 0s..60s. Default 1s."));
        p.set("no-session", noSession);
        ObjectNode game = object("Game-update phase after connecting.");
        ObjectNode gp = (ObjectNode) game.get("properties");
        gp.set("enabled", bool(ScenarioDefaults.GAME_PHASE_ENABLED, "Run the phase."));
        ObjectNode tick = number(0, 1_000, true);
        tick.put("default", ScenarioDefaults.GAME_TICK_RATE);
        tick.put("description", "Updates per second (Hz).");
        gp.set("tick-rate", tick);
        gp.set("length", ref("duration", "Length of the phase, 0s..1h. Default 5s."));
        p.set("game-phase", game);
        return pr;
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
        rp.set("hop", integer(0, 15, 0, "Which NAT of a chain, 0 = nearest the peer."));
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
