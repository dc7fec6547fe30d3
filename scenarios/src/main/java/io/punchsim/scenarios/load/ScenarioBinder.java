package io.punchsim.scenarios.load;

import io.punchsim.protocol.config.Parameter;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.config.ProtocolParameters;
import io.punchsim.protocol.config.ValueException;
import io.punchsim.protocol.config.ValueType;
import io.punchsim.nat.CapPolicy;
import io.punchsim.nat.FilteringBehaviour;
import io.punchsim.nat.Lifetime;
import io.punchsim.nat.MappingBehaviour;
import io.punchsim.nat.NatBehaviour;
import io.punchsim.nat.NatPreset;
import io.punchsim.nat.NatPresets;
import io.punchsim.nat.Pooling;
import io.punchsim.nat.PortRange;
import io.punchsim.nat.PortReuse;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.gate.GateOperator;
import io.punchsim.reports.gate.JudgedOn;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.metric.Unit;
import io.punchsim.scenarios.link.LinkPreset;
import io.punchsim.scenarios.link.LinkPresets;
import io.punchsim.scenarios.link.RegionPair;
import io.punchsim.scenarios.link.RegionPairs;
import io.punchsim.scenarios.model.CustomNat;
import io.punchsim.scenarios.model.FaultSpec;
import io.punchsim.scenarios.model.LatencySpec;
import io.punchsim.scenarios.model.LinkSpec;
import io.punchsim.scenarios.model.LossSpec;
import io.punchsim.scenarios.model.NatChain;
import io.punchsim.scenarios.model.NatMix;
import io.punchsim.scenarios.model.NatSpec;
import io.punchsim.scenarios.model.NetworkSpec;
import io.punchsim.scenarios.model.PeerSpec;
import io.punchsim.scenarios.model.PlacementSpec;
import io.punchsim.scenarios.model.PresetNat;
import io.punchsim.scenarios.model.Scenario;
import io.punchsim.scenarios.model.ScenarioDefaults;
import io.punchsim.scenarios.population.Population;
import io.punchsim.scenarios.yaml.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import static io.punchsim.scenarios.model.ScenarioDefaults.MS;
import static io.punchsim.scenarios.model.ScenarioDefaults.S;

/**
 * Binds a YAML tree to a {@link Scenario}, filling defaults from {@link ScenarioDefaults} and
 * recording every problem. The {@code sweep} key is read by the loader, not here.
 */
final class ScenarioBinder {

    static final long MAX_LATENCY = 60 * S;
    static final long MAX_RUN_TIME = 3_600 * S;
    /** Tolerance on weights and probabilities that must sum to 1. */
    static final double SUM_TOLERANCE = 1e-9;

    private final Fields f;
    private final String defaultName;
    /** The NATs declared under {@code network.shared-nats}, while the peers that name them are read. */
    private Map<String, NatSpec> sharedNats = Map.of();

    ScenarioBinder(Fields fields, String defaultName) {
        this.f = fields;
        this.defaultName = defaultName;
    }

    Scenario bind(Node root) {
        Optional<Fields.Obj> top = f.object(root, "", Keys.TOP);
        if (top.isEmpty()) {
            return null;
        }
        Fields.Obj o = top.get();
        String name = o.take("name").flatMap(n -> f.text(n, "name", "a string")).orElse(defaultName);
        String description = o.take("description").flatMap(n -> f.text(n, "description", "a string")).orElse("");
        int seeds = o.integer("seeds", ScenarioDefaults.SEEDS, 1, ScenarioLoader.MAX_SEEDS);
        long rootSeed = o.take("root-seed")
                .map(n -> f.integer(n, "root-seed", Long.MIN_VALUE, Long.MAX_VALUE, ScenarioDefaults.ROOT_SEED))
                .orElse(ScenarioDefaults.ROOT_SEED);
        ProtocolConfig.Builder protocolBuilder = ProtocolConfig.builder();
        int clients = o.take("session").map(n -> session(n, protocolBuilder)).orElse(ScenarioDefaults.CLIENTS);
        NetworkSpec network = network(o, clients);
        ProtocolConfig protocol = protocol(o.take("protocol").orElse(null), protocolBuilder);
        List<FaultSpec> faults = o.take("faults").map(n -> faults(n, network)).orElse(List.of());
        List<Gate> gates = o.take("gates").map(n -> gates(n, "gates")).orElse(List.of());
        // Read by the loader: they apply to the whole file, not to one point.
        o.take("sweep");
        o.take("precision");
        o.take("tune");
        o.finish();
        return new Scenario(name, description, network, protocol, faults, seeds, rootSeed, gates);
    }

    // ---- network ----

    // ---- session ----

    /** The session section: the number of clients here, the session rows of the parameter table into {@code builder}. */
    private int session(Node node, ProtocolConfig.Builder builder) {
        Optional<Fields.Obj> obj = f.object(node, "session", Keys.SESSION);
        if (obj.isEmpty()) {
            return ScenarioDefaults.CLIENTS;
        }
        Fields.Obj o = obj.get();
        int clients = o.integer("clients", ScenarioDefaults.CLIENTS, 1, ScenarioDefaults.MAX_CLIENTS);
        parameterGroup(o, "", Parameter.Scope.SESSION, builder);
        return clients;
    }

    private NetworkSpec network(Fields.Obj top, int clients) {
        boolean sameLan = ScenarioDefaults.SAME_LAN;
        PlacementSpec cloud = new PlacementSpec(ScenarioDefaults.CLOUD_LATENCY, ScenarioDefaults.CLOUD_LATENCY);
        PlacementSpec stun = new PlacementSpec(ScenarioDefaults.STUN_LATENCY, ScenarioDefaults.STUN_LATENCY);
        LinkSpec peerPath = new LinkSpec(ScenarioDefaults.peerPathDirection(), ScenarioDefaults.peerPathDirection());
        Optional<Fields.Obj> net = top.take("network").flatMap(n -> f.object(n, "network", Keys.NETWORK));
        if (net.isPresent()) {
            Fields.Obj o = net.get();
            sameLan = o.bool("same-lan", sameLan);
            o.take("shared-nats").ifPresent(n -> sharedNats = sharedNats(n, o.path("shared-nats")));
            cloud = o.take("cloud").map(n -> placement(n, "network.cloud", ScenarioDefaults.CLOUD_LATENCY)).orElse(cloud);
            stun = o.take("stun").map(n -> placement(n, "network.stun", ScenarioDefaults.STUN_LATENCY)).orElse(stun);
            peerPath = o.take("peer-path")
                    .map(n -> link(n, "network.peer-path", ScenarioDefaults.peerPathDirection()))
                    .orElse(peerPath);
            o.finish();
        }
        PeerSpec host = peer(top, "host", ScenarioDefaults.HOST_JOIN_DELAY, false);
        PeerSpec client = peer(top, "client", ScenarioDefaults.CLIENT_JOIN_DELAY, sameLan);
        return new NetworkSpec(host, client, clients, sameLan, cloud, stun, peerPath, sharedNats);
    }

    /** Each shared NAT by its name: one preset or custom NAT, which chains name with {@code {shared: NAME}}. */
    private Map<String, NatSpec> sharedNats(Node node, String path) {
        Map<String, NatSpec> declared = new java.util.LinkedHashMap<>();
        if (!(node instanceof Node.Mapping mapping)) {
            if (!(node instanceof Node.Scalar scalar && scalar.type() == Node.ScalarKind.NULL)) {
                f.report(node, path, "expected a mapping of name to NAT, e.g. {carrier: cgnat}; got " + Fields.describe(node));
            }
            return declared;
        }
        for (Node.Entry entry : mapping.entries().values()) {
            String entryPath = Fields.child(path, entry.key());
            if (!entry.key().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                f.report(entry.keyPosition(), entryPath, "a shared NAT's name is lower-case words joined by dashes, like carrier or home-1");
                continue;
            }
            Node value = entry.value();
            if (value instanceof Node.Sequence) {
                f.report(value, entryPath, "a shared NAT is one NAT, not a chain: give the chain to each peer and end it with {shared: "
                        + entry.key() + "}");
                continue;
            }
            if (value instanceof Node.Mapping m && (isMix(m) || isPopulation(m))) {
                f.report(value, entryPath, "a shared NAT is one NAT, not a mix: every peer behind it shares the one it is");
                continue;
            }
            if (value instanceof Node.Mapping m && m.entries().containsKey("shared")) {
                f.report(value, entryPath, "a shared NAT cannot name another shared NAT");
                continue;
            }
            declared.put(entry.key(), nat(value, entryPath, false));
        }
        return declared;
    }

    private PlacementSpec placement(Node node, String path, LatencySpec fallback) {
        Optional<Fields.Obj> obj = f.object(node, path, Keys.PLACEMENT);
        if (obj.isEmpty()) {
            return new PlacementSpec(fallback, fallback);
        }
        Fields.Obj o = obj.get();
        LatencySpec both = o.take("latency").map(n -> latency(n, o.path("latency"))).orElse(fallback);
        Optional<Node> regionNode = o.take("region");
        if (regionNode.isPresent()) {
            Optional<RegionPair> region = f.word(regionNode.get(), o.path("region"), RegionPairs.names())
                    .flatMap(RegionPairs::find);
            if (o.has("latency")) {
                f.report(regionNode.get(), o.path("region"), "give either latency or region, not both");
            } else if (region.isPresent()) {
                both = new LatencySpec.Constant(region.get().oneWayNanos());
            }
        }
        LatencySpec fromHost = o.take("from-host").map(n -> latency(n, o.path("from-host"))).orElse(both);
        LatencySpec fromClient = o.take("from-client").map(n -> latency(n, o.path("from-client"))).orElse(both);
        o.finish();
        return new PlacementSpec(fromHost, fromClient);
    }

    private PeerSpec peer(Fields.Obj top, String side, LatencySpec defaultJoin, boolean sameLan) {
        NatSpec nat = ScenarioDefaults.NAT;
        LinkSpec link = new LinkSpec(ScenarioDefaults.linkDirection(), ScenarioDefaults.linkDirection());
        LatencySpec startup = ScenarioDefaults.STARTUP_DELAY;
        LatencySpec join = defaultJoin;
        Optional<Fields.Obj> peer = top.take(side).flatMap(n -> f.object(n, side, Keys.PEER));
        if (peer.isPresent()) {
            Fields.Obj o = peer.get();
            Optional<Node> natNode = o.take("nat");
            if (natNode.isPresent()) {
                nat = nat(natNode.get(), o.path("nat"), true);
                if (sameLan) {
                    f.report(o.keyPosition("nat"), o.path("nat"),
                            "the client sits behind the host's NAT when network.same-lan is true; remove client.nat");
                }
            }
            link = o.take("link").map(n -> link(n, o.path("link"))).orElse(link);
            startup = o.take("startup-delay").map(n -> latency(n, o.path("startup-delay"))).orElse(startup);
            join = o.take("join-delay").map(n -> latency(n, o.path("join-delay"))).orElse(join);
            o.finish();
        }
        if (sameLan && side.equals("client")) {
            nat = new PresetNat(NatPresets.byName("open"));
        }
        return new PeerSpec(nat, link, startup, join);
    }

    // ---- NATs ----

    NatSpec nat(Node node, String path, boolean allowMix) {
        NatSpec fallback = ScenarioDefaults.NAT;
        if (node instanceof Node.Scalar) {
            return preset(node, path).<NatSpec>map(PresetNat::new).orElse(fallback);
        }
        if (node instanceof Node.Sequence sequence) {
            if (sequence.items().isEmpty()) {
                f.report(node, path, "a NAT chain needs at least one NAT");
                return fallback;
            }
            if (sequence.items().size() > NatWords.MAX_HOPS) {
                f.report(node, path, "a NAT chain holds at most " + NatWords.MAX_HOPS + " NATs; this one has "
                        + sequence.items().size());
                return fallback;
            }
            List<NatSpec> hops = new ArrayList<>();
            for (int i = 0; i < sequence.items().size(); i++) {
                Node item = sequence.items().get(i);
                String itemPath = path + "[" + i + "]";
                if (item instanceof Node.Sequence) {
                    f.report(item, itemPath, "a NAT chain cannot contain a chain; list its NATs in one list");
                } else if (item instanceof Node.Mapping m && isPopulation(m)) {
                    f.report(item, itemPath, "a NAT chain cannot contain a population; a population is a peer's whole NAT");
                } else if (item instanceof Node.Mapping m && isMix(m)) {
                    f.report(item, itemPath, "a NAT chain cannot contain a mix; put the mix outside the chain");
                } else if (item instanceof Node.Mapping m && m.entries().containsKey("shared")
                        && i != sequence.items().size() - 1) {
                    f.report(item, itemPath, "a shared NAT is the outermost NAT of a chain: the peers behind it share"
                            + " everything beyond it, so it comes last");
                } else {
                    hops.add(nat(item, itemPath, false));
                }
            }
            return new NatChain(hops);
        }
        Node.Mapping mapping = (Node.Mapping) node;
        if (isPopulation(mapping)) {
            if (!allowMix) {
                f.report(node, path, "a population can only be a peer's whole NAT, not part of a chain or a mix");
                return fallback;
            }
            return population(mapping, path);
        }
        if (isMix(mapping)) {
            if (!allowMix) {
                f.report(node, path, "a mix can only be a peer's whole NAT, not part of a chain or another mix");
                return fallback;
            }
            return mix(mapping, path);
        }
        if (mapping.entries().containsKey("shared")) {
            return shared(mapping, path);
        }
        return custom(mapping, path);
    }

    /** {@code {shared: NAME}}: the NAT declared under that name in {@code network.shared-nats}. */
    private NatSpec shared(Node.Mapping mapping, String path) {
        Fields.Obj o = f.object(mapping, path, Keys.SHARED_NAT).orElseThrow();
        Node nameNode = o.take("shared").orElseThrow();
        o.finish();
        Optional<String> name = f.text(nameNode, o.path("shared"), "the name of a NAT under network.shared-nats");
        if (name.isEmpty()) {
            return ScenarioDefaults.NAT;
        }
        NatSpec declared = sharedNats.get(name.get());
        if (declared == null) {
            String hint = sharedNats.isEmpty()
                    ? "network.shared-nats declares none (declare it there: network: {shared-nats: {" + name.get() + ": cgnat}})"
                    : Suggestions.closest(name.get(), List.copyOf(sharedNats.keySet())).map(s -> "did you mean '" + s + "'?")
                            .orElse("declared: " + String.join(", ", sharedNats.keySet()));
            f.report(nameNode, o.path("shared"), "no shared NAT named '" + name.get() + "'; " + hint);
            return ScenarioDefaults.NAT;
        }
        return new io.punchsim.scenarios.model.SharedNat(name.get(), declared);
    }

    private static boolean isPopulation(Node.Mapping mapping) {
        return mapping.entries().containsKey("population");
    }

    /**
     * A named population drawn as a mix of its NATs; {@code weights} overrides entries' weights
     * within their lists, the others of each list scaled to fill the rest.
     */
    private NatSpec population(Node.Mapping mapping, String path) {
        Fields.Obj o = f.object(mapping, path, Keys.POPULATION_NAT).orElseThrow();
        Optional<String> name = o.take("population").flatMap(n -> f.word(n, o.path("population"), Populations.NAMES));
        Optional<Node> weightsNode = o.take("weights");
        o.finish();
        if (name.isEmpty()) {
            return ScenarioDefaults.NAT;
        }
        Population population;
        try {
            population = Populations.byName(name.get());
        } catch (ScenarioException e) {
            f.problems().addAll(e.problems());
            return ScenarioDefaults.NAT;
        }
        if (weightsNode.isEmpty()) {
            return population.mix();
        }
        String weightsPath = o.path("weights");
        if (!(weightsNode.get() instanceof Node.Mapping weights)) {
            if (!(weightsNode.get() instanceof Node.Scalar scalar && scalar.type() == Node.ScalarKind.NULL)) {
                f.report(weightsNode.get(), weightsPath, "expected a mapping of entry name to weight, e.g. {"
                        + population.names().get(0) + ": 20%}; got " + Fields.describe(weightsNode.get()));
            }
            return population.mix();
        }
        int before = f.problems().size();
        Map<String, Double> given = new java.util.LinkedHashMap<>();
        Map<String, Node.Position> at = new java.util.HashMap<>();
        for (Node.Entry entry : weights.entries().values()) {
            String entryPath = Fields.child(weightsPath, entry.key());
            if (population.find(entry.key()).isEmpty()) {
                String hint = Suggestions.closest(entry.key(), population.names()).map(s -> "did you mean '" + s + "'?")
                        .orElse("its entries: " + String.join(", ", population.names()));
                f.report(entry.keyPosition(), entryPath, "unknown entry of population " + population.name() + "; " + hint
                        + " (punchsim populations " + population.name() + " lists them)");
                continue;
            }
            double weight = f.rate(entry.value(), entryPath, Double.NaN);
            if (!Double.isNaN(weight)) {
                given.put(entry.key(), weight);
                at.put(entry.key(), entry.keyPosition());
            }
        }
        if (f.problems().size() != before) {
            return population.mix();
        }
        for (List<Population.Entry> list : population.lists()) {
            Optional<String> problem = Population.overrideProblem(list, given);
            if (problem.isPresent()) {
                String first = list.stream().map(Population.Entry::name).filter(given::containsKey).findFirst().orElseThrow();
                f.report(at.get(first), Fields.child(weightsPath, first), problem.get());
            }
        }
        return f.problems().size() == before ? population.withWeights(given).mix() : population.mix();
    }

    private static boolean isMix(Node.Mapping mapping) {
        return mapping.entries().containsKey("mix")
                || mapping.entries().keySet().stream().anyMatch(k -> NatPresets.find(k).isPresent());
    }

    private NatSpec mix(Node.Mapping mapping, String path) {
        List<NatMix.Option> options = new ArrayList<>();
        int before = f.problems().size();
        if (mapping.entries().containsKey("mix")) {
            Fields.Obj o = f.object(mapping, path, Keys.MIX).orElseThrow();
            Node list = o.take("mix").orElseThrow();
            o.finish();
            String listPath = o.path("mix");
            List<Node> items = f.list(list, listPath, "{nat, weight} options").orElse(List.of());
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String itemPath = listPath + "[" + i + "]";
                Optional<Fields.Obj> opt = f.object(item, itemPath, Keys.MIX_OPTION);
                if (opt.isEmpty()) {
                    continue;
                }
                Fields.Obj oo = opt.get();
                NatSpec nat = oo.take("nat").map(n -> nat(n, oo.path("nat"), false)).orElse(null);
                if (nat == null) {
                    f.report(item, itemPath, "a mix option needs a 'nat'");
                }
                double weight = oo.take("weight").map(n -> f.rate(n, oo.path("weight"), Double.NaN)).orElse(Double.NaN);
                if (!oo.has("weight")) {
                    f.report(item, itemPath, "a mix option needs a 'weight' in 0..1");
                }
                oo.finish();
                if (nat != null && !Double.isNaN(weight)) {
                    options.add(new NatMix.Option(nat, weight));
                }
            }
        } else {
            for (Node.Entry entry : mapping.entries().values()) {
                String entryPath = Fields.child(path, entry.key());
                Optional<NatPreset> preset = NatPresets.find(entry.key());
                if (preset.isEmpty()) {
                    String hint = Suggestions.closest(entry.key(), NatPresets.names())
                            .map(s -> "did you mean '" + s + "'?").orElse("presets: " + String.join(", ", NatPresets.names()));
                    f.report(entry.keyPosition(), entryPath, "unknown NAT preset in a mix; " + hint
                            + " (a mix of custom NATs is written as mix: [{nat: ..., weight: ...}])");
                    continue;
                }
                double weight = f.rate(entry.value(), entryPath, Double.NaN);
                if (!Double.isNaN(weight)) {
                    options.add(new NatMix.Option(new PresetNat(preset.get()), weight));
                }
            }
        }
        if (options.isEmpty()) {
            if (f.problems().size() == before) {
                f.report(mapping, path, "a mix needs at least one NAT with a weight");
            }
            return ScenarioDefaults.NAT;
        }
        // The sum is only meaningful when every option was read without a problem.
        boolean complete = f.problems().size() == before;
        double sum = options.stream().mapToDouble(NatMix.Option::weight).sum();
        if (complete && Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            f.report(mapping, path, "mix weights sum to " + round(sum) + "; they must sum to 1 (within 1e-9)");
        }
        return new NatMix(options);
    }

    /** A preset name, with "did you mean" for a near miss. */
    private Optional<NatPreset> preset(Node node, String path) {
        return f.word(node, path, NatPresets.names()).flatMap(NatPresets::find);
    }

    /**
     * The keys applied to the base preset (or the custom defaults), each checked here so that every
     * NAT the binder returns can be built and run.
     */
    private NatSpec custom(Node.Mapping mapping, String path) {
        Fields.Obj o = f.object(mapping, path, Keys.CUSTOM_NAT).orElseThrow();
        Optional<NatPreset> base = o.take("preset").flatMap(n -> preset(n, o.path("preset")));
        NatBehaviour start = base.map(NatPreset::behaviour).orElse(ScenarioDefaults.CUSTOM_NAT);
        int addresses = base.map(NatPreset::externalAddresses).orElse(ScenarioDefaults.NAT_EXTERNAL_ADDRESSES);

        Optional<Node> mappingNode = o.take("mapping");
        Optional<MappingBehaviour> mappingBehaviour = mappingNode
                .flatMap(n -> f.word(n, o.path("mapping"), NatWords.MAPPINGS))
                .map(w -> NatWords.value(MappingBehaviour.class, w));
        Optional<FilteringBehaviour> filtering = o.take("filtering")
                .flatMap(n -> f.word(n, o.path("filtering"), NatWords.FILTERINGS))
                .map(w -> NatWords.value(FilteringBehaviour.class, w));
        Optional<String> allocation = o.take("allocation").flatMap(n -> f.word(n, o.path("allocation"), NatWords.ALLOCATIONS));
        Optional<Integer> step = o.take("port-step")
                .map(n -> (int) f.integer(n, o.path("port-step"), 1, NatWords.MAX_PORT_STEP, 1));
        Optional<PortRange> range = o.take("port-range").flatMap(n -> portRange(n, o.path("port-range")));
        Optional<Long> lifetime = o.take("lifetime").map(n -> f.duration(n, o.path("lifetime"), NatWords.MIN_LIFETIME,
                NatWords.MAX_LIFETIME, start.lifetime().unrepliedNanos()));
        Optional<Boolean> inboundRefresh = o.take("inbound-refresh").map(n -> f.bool(n, o.path("inbound-refresh"), false));
        Optional<Boolean> hairpinning = o.take("hairpinning").map(n -> f.bool(n, o.path("hairpinning"), false));
        Optional<Integer> external = o.take("external-addresses")
                .map(n -> (int) f.integer(n, o.path("external-addresses"), 1, NatWords.MAX_EXTERNAL_ADDRESSES, 1));
        Optional<Pooling> pooling = o.take("pooling")
                .flatMap(n -> f.word(n, o.path("pooling"), NatWords.POOLINGS)).map(w -> NatWords.value(Pooling.class, w));
        Optional<Integer> maxMappings = o.take("max-mappings")
                .map(n -> (int) f.integer(n, o.path("max-mappings"), 1, NatWords.MAX_MAPPINGS, 1));
        Optional<CapPolicy> onFull = o.take("on-full")
                .flatMap(n -> f.word(n, o.path("on-full"), NatWords.ON_FULL)).map(NatWords::onFull);
        o.finish();

        NatBehaviour nat = start;
        if (mappingBehaviour.isPresent()) {
            // Conntrack-style port sharing tells flows apart by their remote, so each flow is its own mapping.
            if (nat.portReuse() == PortReuse.PER_REMOTE_ENDPOINT
                    && mappingBehaviour.get() != MappingBehaviour.ADDRESS_AND_PORT_DEPENDENT) {
                f.report(mappingNode.orElseThrow(), o.path("mapping"), "'" + NatWords.word(mappingBehaviour.get())
                        + "' cannot be used with preset " + base.orElseThrow().name()
                        + ": it shares an external port among flows toward different remotes, which only"
                        + " address-and-port-dependent mapping allows; start from another preset, e.g. symmetric");
            } else {
                nat = nat.withMapping(mappingBehaviour.get());
            }
        }
        if (filtering.isPresent()) {
            nat = nat.withFiltering(filtering.get());
        }
        if (allocation.isPresent()) {
            nat = nat.withAllocation(NatWords.allocation(allocation.get(), step.orElse(1)));
        } else if (step.isPresent()) {
            nat = nat.withAllocation(NatWords.withStep(nat.allocation(), step.get()));
        }
        if (range.isPresent()) {
            nat = nat.withPorts(range.get());
        }
        if (lifetime.isPresent()) {
            nat = nat.withLifetime(new Lifetime(lifetime.get(), lifetime.get(),
                    nat.lifetime().inboundRefresh()));
        }
        if (inboundRefresh.isPresent()) {
            nat = nat.withLifetime(nat.lifetime().withInboundRefresh(inboundRefresh.get()));
        }
        if (hairpinning.isPresent()) {
            nat = nat.withHairpinning(hairpinning.get());
        }
        if (pooling.isPresent()) {
            nat = nat.withPooling(pooling.get());
        }
        if (maxMappings.isPresent() || onFull.isPresent()) {
            nat = nat.withCap(maxMappings.orElse(nat.maxMappings()), onFull.orElse(nat.onCapReached()));
        }
        return new CustomNat(base, nat, external.orElse(addresses));
    }

    private Optional<PortRange> portRange(Node node, String path) {
        Optional<List<Node>> items = f.list(node, path, "two ports [low, high]");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().size() != 2) {
            f.report(node, path, "expected two ports [low, high]; got " + items.get().size() + " values");
            return Optional.empty();
        }
        int low = (int) f.integer(items.get().get(0), path + "[0]", 1, 65_535, -1);
        int high = (int) f.integer(items.get().get(1), path + "[1]", 1, 65_535, -1);
        if (low < 0 || high < 0) {
            return Optional.empty();
        }
        if (low > high) {
            f.report(node, path, "low port " + low + " is above high port " + high);
            return Optional.empty();
        }
        return Optional.of(new PortRange(low, high));
    }

    /** Reads an enum written in kebab case, e.g. {@code evict-oldest} for {@code EVICT_OLDEST}. */
    <E extends Enum<E>> Optional<E> enumWord(Node node, String path, Class<E> type) {
        List<String> words = Arrays.stream(type.getEnumConstants()).map(ScenarioBinder::kebab).toList();
        return f.word(node, path, words).map(w -> Enum.valueOf(type, w.toUpperCase(Locale.ROOT).replace('-', '_')));
    }

    static String kebab(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---- links ----

    private LinkSpec link(Node node, String path) {
        return link(node, path, ScenarioDefaults.linkDirection());
    }

    private LinkSpec link(Node node, String path, LinkSpec.Direction defaults) {
        Optional<Fields.Obj> obj = f.object(node, path, Keys.LINK);
        if (obj.isEmpty()) {
            return new LinkSpec(defaults, defaults);
        }
        Fields.Obj o = obj.get();
        // A preset replaces the defaults; the keys beside it override the preset.
        LinkSpec.Direction base = o.take("preset").flatMap(n -> f.word(n, o.path("preset"), LinkPresets.names()))
                .flatMap(LinkPresets::find).map(LinkPreset::direction).orElse(defaults);
        LinkSpec.Direction both = direction(o, base);
        LinkSpec.Direction up = o.take("up").flatMap(n -> f.object(n, o.path("up"), Keys.LINK_DIRECTION))
                .map(d -> finished(d, direction(d, both))).orElse(both);
        LinkSpec.Direction down = o.take("down").flatMap(n -> f.object(n, o.path("down"), Keys.LINK_DIRECTION))
                .map(d -> finished(d, direction(d, both))).orElse(both);
        o.finish();
        return new LinkSpec(up, down);
    }

    /** Marks every allowed key read, so that only keys foreign to this place are reported. */
    private static <T> T finishedAll(Fields.Obj o, T value) {
        o.allowed.forEach(o::take);
        o.finish();
        return value;
    }

    private static <T> T finished(Fields.Obj o, T value) {
        o.finish();
        return value;
    }

    private LinkSpec.Direction direction(Fields.Obj o, LinkSpec.Direction base) {
        LatencySpec latency = o.take("latency").map(n -> latency(n, o.path("latency"))).orElse(base.latency());
        long jitter = o.duration("jitter", base.jitterNanos(), 0, MAX_LATENCY);
        boolean fifo = o.bool("fifo", base.fifo());
        LossSpec loss = o.take("loss").map(n -> loss(n, o.path("loss"))).orElse(base.loss());
        double duplication = o.rate("duplication", base.duplication());
        return new LinkSpec.Direction(latency, jitter, fifo, loss, duplication);
    }

    LatencySpec latency(Node node, String path) {
        LatencySpec fallback = new LatencySpec.Constant(0);
        if (node instanceof Node.Scalar) {
            return new LatencySpec.Constant(f.duration(node, path, 0, MAX_LATENCY, 0));
        }
        Optional<Fields.Obj> obj = f.object(node, path, Keys.LATENCY);
        if (obj.isEmpty()) {
            return fallback;
        }
        Fields.Obj o = obj.get();
        if (o.mapping.entries().size() != 1) {
            f.report(node, path, "a distribution has exactly one of " + String.join(", ", Keys.LATENCY)
                    + "; got " + o.mapping.entries().size() + " keys");
            return finishedAll(o, fallback);
        }
        LatencySpec result = fallback;
        Optional<Node> n;
        if ((n = o.take("constant")).isPresent()) {
            result = new LatencySpec.Constant(f.duration(n.get(), o.path("constant"), 0, MAX_LATENCY, 0));
        } else if ((n = o.take("uniform")).isPresent()) {
            result = uniform(n.get(), o.path("uniform"));
        } else if ((n = o.take("normal")).isPresent()) {
            String p = o.path("normal");
            Optional<Fields.Obj> d = f.object(n.get(), p, Keys.NORMAL);
            if (d.isPresent()) {
                long mean = required(d.get(), "mean") ? d.get().duration("mean", 0, 0, MAX_LATENCY) : 0;
                long sd = required(d.get(), "sd") ? d.get().duration("sd", 0, 0, MAX_LATENCY) : 0;
                d.get().finish();
                result = new LatencySpec.Normal(mean, sd);
            }
        } else if ((n = o.take("lognormal")).isPresent()) {
            String p = o.path("lognormal");
            Optional<Fields.Obj> d = f.object(n.get(), p, Keys.LOGNORMAL);
            if (d.isPresent()) {
                long median = required(d.get(), "median") ? d.get().duration("median", MS, 1, MAX_LATENCY) : MS;
                double sigma = required(d.get(), "sigma")
                        ? d.get().take("sigma").map(s -> f.real(s, d.get().path("sigma"), 0, 5, false, 0)).orElse(0.0)
                        : 0.0;
                d.get().finish();
                result = new LatencySpec.LogNormal(median, sigma);
            }
        } else if ((n = o.take("pareto")).isPresent()) {
            String p = o.path("pareto");
            Optional<Fields.Obj> d = f.object(n.get(), p, Keys.PARETO);
            if (d.isPresent()) {
                long scale = required(d.get(), "scale") ? d.get().duration("scale", MS, 1, MAX_LATENCY) : MS;
                double shape = required(d.get(), "shape")
                        ? d.get().take("shape").map(s -> f.real(s, d.get().path("shape"), 0, 100, true, 1)).orElse(1.0)
                        : 1.0;
                d.get().finish();
                result = new LatencySpec.Pareto(scale, shape);
            }
        } else if ((n = o.take("empirical")).isPresent()) {
            result = empirical(n.get(), o.path("empirical"));
        }
        o.finish();
        return result;
    }

    private boolean required(Fields.Obj o, String key) {
        if (!o.has(key)) {
            f.report(o.mapping, o.path, "missing required key '" + key + "'");
            return false;
        }
        return true;
    }

    private LatencySpec uniform(Node node, String path) {
        Optional<List<Node>> items = f.list(node, path, "two durations [low, high]");
        if (items.isEmpty()) {
            return new LatencySpec.Constant(0);
        }
        if (items.get().size() != 2) {
            f.report(node, path, "expected two durations [low, high]; got " + items.get().size() + " values");
            return new LatencySpec.Constant(0);
        }
        long low = f.duration(items.get().get(0), path + "[0]", 0, MAX_LATENCY, 0);
        long high = f.duration(items.get().get(1), path + "[1]", 0, MAX_LATENCY, low);
        if (low > high) {
            f.report(node, path, "low bound is above high bound");
            return new LatencySpec.Constant(0);
        }
        return new LatencySpec.Uniform(low, high);
    }

    private LatencySpec empirical(Node node, String path) {
        Optional<List<Node>> items = f.list(node, path, "[duration, probability] pairs");
        if (items.isEmpty()) {
            return new LatencySpec.Constant(0);
        }
        if (items.get().isEmpty()) {
            f.report(node, path, "an empirical distribution needs at least one [duration, probability] pair");
            return new LatencySpec.Constant(0);
        }
        List<LatencySpec.Point> points = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < items.get().size(); i++) {
            Node item = items.get().get(i);
            String itemPath = path + "[" + i + "]";
            if (!(item instanceof Node.Sequence pair) || pair.items().size() != 2) {
                f.report(item, itemPath, "expected a pair [duration, probability], e.g. [20ms, 0.5]");
                complete = false;
                continue;
            }
            long at = f.duration(pair.items().get(0), itemPath + "[0]", 0, MAX_LATENCY, 0);
            double p = f.rate(pair.items().get(1), itemPath + "[1]", Double.NaN);
            if (Double.isNaN(p)) {
                complete = false;
            } else {
                points.add(new LatencySpec.Point(at, p));
            }
        }
        double sum = points.stream().mapToDouble(LatencySpec.Point::probability).sum();
        if (complete && Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            f.report(node, path, "probabilities sum to " + round(sum) + "; they must sum to 1 (within 1e-9)");
        }
        return points.isEmpty() ? new LatencySpec.Constant(0) : new LatencySpec.Empirical(points);
    }

    private LossSpec loss(Node node, String path) {
        if (node instanceof Node.Scalar) {
            return new LossSpec.Bernoulli(f.rate(node, path, 0));
        }
        Optional<Fields.Obj> obj = f.object(node, path, Keys.LOSS);
        if (obj.isEmpty()) {
            return ScenarioDefaults.LOSS;
        }
        Fields.Obj o = obj.get();
        if (o.mapping.entries().size() != 1) {
            f.report(node, path, "a loss model has exactly one of bernoulli, gilbert-elliott; got "
                    + o.mapping.entries().size() + " keys");
            return finishedAll(o, ScenarioDefaults.LOSS);
        }
        LossSpec result = ScenarioDefaults.LOSS;
        Optional<Node> n;
        if ((n = o.take("bernoulli")).isPresent()) {
            result = new LossSpec.Bernoulli(f.rate(n.get(), o.path("bernoulli"), 0));
        } else if ((n = o.take("gilbert-elliott")).isPresent()) {
            Optional<Fields.Obj> g = f.object(n.get(), o.path("gilbert-elliott"), Keys.GILBERT_ELLIOTT);
            if (g.isPresent()) {
                Fields.Obj ge = g.get();
                double goodToBad = required(ge, "p-good-to-bad") ? ge.rate("p-good-to-bad", 0) : 0;
                double badToGood = required(ge, "p-bad-to-good") ? ge.rate("p-bad-to-good", 1) : 1;
                double lossGood = ge.rate("loss-good", 0);
                double lossBad = ge.rate("loss-bad", 1);
                ge.finish();
                result = new LossSpec.GilbertElliott(goodToBad, badToGood, lossGood, lossBad);
            }
        }
        o.finish();
        return result;
    }

    // ---- protocol ----

    /**
     * Reads the protocol section, every key and range from the protocol's parameter table, so each
     * value is checked here where its line and column are known; a null node gives the defaults.
     */
    private ProtocolConfig protocol(Node node, ProtocolConfig.Builder builder) {
        if (node != null) {
            f.object(node, "protocol", Keys.PROTOCOL).ifPresent(o -> parameterGroup(o, "", Parameter.Scope.PROTOCOL, builder));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            // Every range was checked above; this would be a missing check in the table.
            f.report(node == null ? new Node.Position(1, 1) : node.position(), "protocol", e.getMessage());
            return ProtocolConfig.DEFAULTS;
        }
    }

    /** The rows of {@code scope}'s section one level below {@code prefix}, groups read recursively. */
    private void parameterGroup(Fields.Obj o, String prefix, Parameter.Scope scope, ProtocolConfig.Builder builder) {
        for (String name : Keys.sectionLevel(scope, prefix)) {
            Optional<Node> value = o.take(name);
            if (value.isEmpty()) {
                continue;
            }
            String key = prefix + name;
            Optional<Parameter<?>> parameter = ProtocolParameters.byKey(key);
            if (parameter.isPresent()) {
                protocolValue(value.get(), o.path(name), parameter.get(), builder);
            } else {
                f.object(value.get(), o.path(name), Keys.sectionLevel(scope, key + "."))
                        .ifPresent(group -> parameterGroup(group, key + ".", scope, builder));
            }
        }
        o.finish();
    }

    private void protocolValue(Node node, String path, Parameter<?> parameter, ProtocolConfig.Builder builder) {
        ValueType<?> type = parameter.type();
        boolean fits = node instanceof Node.Scalar scalar && switch (type.shape()) {
            case NUMBER -> scalar.type() == Node.ScalarKind.NUMBER;
            case BOOLEAN -> scalar.type() == Node.ScalarKind.BOOLEAN;
            case TEXT -> scalar.type() != Node.ScalarKind.NULL;
        };
        if (!fits) {
            String expected = type.shape() == ValueType.Shape.BOOLEAN ? "true or false"
                    : "a " + type.name() + (type.range().isEmpty() ? "" : " in " + type.range());
            f.report(node, path, "expected " + expected + "; got " + Fields.describe(node));
            return;
        }
        try {
            parameter.setText(builder, ((Node.Scalar) node).text());
        } catch (ValueException e) {
            f.report(node, path, e.getMessage());
        }
    }

    // ---- faults ----

    private List<FaultSpec> faults(Node node, NetworkSpec network) {
        List<FaultSpec> faults = new ArrayList<>();
        List<Node> items = f.list(node, "faults", "faults (link-down, loss-burst, nat-rebinding)").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String path = "faults[" + i + "]";
            Optional<Fields.Obj> obj = f.object(items.get(i), path, Keys.FAULT_KINDS);
            if (obj.isEmpty()) {
                continue;
            }
            Fields.Obj o = obj.get();
            if (o.mapping.entries().size() != 1) {
                f.report(items.get(i), path, "a fault is one of " + String.join(", ", Keys.FAULT_KINDS)
                        + " with its settings, e.g. - link-down: {link: host, from: 1s, to: 2s}");
                finishedAll(o, null);
                continue;
            }
            String kind = o.mapping.entries().keySet().iterator().next();
            if (Keys.FAULT_KINDS.contains(kind)) {
                Node settings = o.take(kind).orElseThrow();
                (kind.equals("nat-rebinding") ? rebinding(settings, o.path(kind), network) : linkFault(settings, o.path(kind), kind))
                        .ifPresent(faults::add);
            }
            o.finish();
        }
        return faults;
    }

    private Optional<FaultSpec> rebinding(Node node, String path, NetworkSpec network) {
        Optional<Fields.Obj> obj = f.object(node, path, Keys.NAT_REBINDING);
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        Fields.Obj o = obj.get();
        boolean complete = required(o, "nat") & required(o, "at");
        Optional<FaultSpec.Side> side = o.take("nat").flatMap(n -> enumWord(n, o.path("nat"), FaultSpec.Side.class));
        int hop = o.integer("hop", 0, 0, NatWords.MAX_HOPS - 1);
        long at = o.duration("at", 0, 0, MAX_RUN_TIME);
        if (side.isPresent() && o.has("hop")) {
            NatSpec nat = side.get() == FaultSpec.Side.HOST ? network.host().nat() : network.client().nat();
            // A mix may hold chains of any length; only a fixed NAT can be checked here.
            int hops = nat instanceof NatChain chain ? chain.hops().size() : nat instanceof NatMix ? Integer.MAX_VALUE : 1;
            if (hop >= hops) {
                f.report(o.mapping.entries().get("hop").value(), o.path("hop"),
                        "out of range: the " + kebab(side.get()) + "'s NAT has " + hops + " hop(s), so hop is 0.." + (hops - 1));
            }
        }
        o.finish();
        return complete && side.isPresent() ? Optional.of(new FaultSpec.NatRebinding(side.get(), hop, at)) : Optional.empty();
    }

    private Optional<FaultSpec> linkFault(Node node, String path, String kind) {
        boolean burst = kind.equals("loss-burst");
        Optional<Fields.Obj> obj = f.object(node, path, burst ? Keys.LOSS_BURST : Keys.LINK_DOWN);
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        Fields.Obj o = obj.get();
        boolean complete = required(o, "link") & required(o, "from") & required(o, "to") & (!burst || required(o, "rate"));
        Optional<FaultSpec.FaultLink> link = o.take("link").flatMap(n -> enumWord(n, o.path("link"), FaultSpec.FaultLink.class));
        FaultSpec.FaultDirection direction = o.take("direction")
                .flatMap(n -> enumWord(n, o.path("direction"), FaultSpec.FaultDirection.class))
                .orElse(FaultSpec.FaultDirection.BOTH);
        int before = f.problems().size();
        long from = o.duration("from", 0, 0, MAX_RUN_TIME);
        long to = o.duration("to", 0, 0, MAX_RUN_TIME);
        if (o.has("from") && o.has("to") && f.problems().size() == before && from >= to) {
            f.report(o.mapping.entries().get("to").value(), o.path("to"), "'to' must be after 'from'");
            complete = false;
        }
        double rate = burst ? o.rate("rate", 0) : 0;
        o.finish();
        if (!complete || link.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(burst ? new FaultSpec.LossBurst(link.get(), direction, from, to, rate)
                : new FaultSpec.LinkDown(link.get(), direction, from, to));
    }

    // ---- gates ----

    // The words come from the reports' own types, so a file can gate on exactly what a report can judge.
    // Also the tune's constraints, which are gates on each candidate.
    List<Gate> gates(Node node, String listPath) {
        List<Gate> gates = new ArrayList<>();
        List<Node> items = f.list(node, listPath, "gates {metric, at-least | at-most, judged-on}").orElse(List.of());
        List<String> metrics = Metrics.gateable().stream().map(Metric::key).toList();
        List<String> judgements = Arrays.stream(JudgedOn.values()).map(JudgedOn::key).toList();
        for (int i = 0; i < items.size(); i++) {
            String path = listPath + "[" + i + "]";
            Optional<Fields.Obj> obj = f.object(items.get(i), path, Keys.GATE);
            if (obj.isEmpty()) {
                continue;
            }
            Fields.Obj o = obj.get();
            Optional<Metric> metric = required(o, "metric")
                    ? o.take("metric").flatMap(n -> f.word(n, o.path("metric"), metrics)).map(Metrics::parse)
                    : Optional.empty();
            JudgedOn judgedOn = o.take("judged-on")
                    .flatMap(n -> f.word(n, o.path("judged-on"), judgements)).map(JudgedOn::parse)
                    .orElse(ScenarioDefaults.JUDGED_ON);
            List<GateOperator> given = Arrays.stream(GateOperator.values()).filter(op -> o.has(op.key())).toList();
            Map<GateOperator, Node> bounds = new EnumMap<>(GateOperator.class);
            for (GateOperator op : GateOperator.values()) {
                o.take(op.key()).ifPresent(n -> bounds.put(op, n));
            }
            o.finish();
            if (given.size() != 1) {
                f.report(items.get(i), path, "a gate has exactly one bound: "
                        + Arrays.stream(GateOperator.values()).map(GateOperator::key).collect(Collectors.joining(" or ")));
                continue;
            }
            if (metric.isEmpty()) {
                continue;
            }
            GateOperator operator = given.get(0);
            bound(bounds.get(operator), o.path(operator.key()), metric.get().unit())
                    .ifPresent(bound -> gates.add(new Gate(metric.get(), operator, bound, judgedOn)));
        }
        return gates;
    }

    /** Bounds of gates on counts, bytes and packets: far above any run's traffic. */
    static final long MAX_GATE_COUNT = 1_000_000_000_000L;

    // In the metric's reported unit (seconds for times), range-checked here where the file position is known.
    private OptionalDouble bound(Node node, String path, Unit unit) {
        return switch (unit) {
            case FRACTION -> {
                double rate = f.rate(node, path, -1);
                yield rate < 0 ? OptionalDouble.empty() : OptionalDouble.of(rate);
            }
            case NANOSECONDS -> {
                long nanos = f.duration(node, path, 0, MAX_RUN_TIME, -1);
                yield nanos < 0 ? OptionalDouble.empty() : OptionalDouble.of(unit.toReported(nanos));
            }
            case BYTES, PACKETS, COUNT -> {
                long count = f.integer(node, path, 0, MAX_GATE_COUNT, -1);
                yield count < 0 ? OptionalDouble.empty() : OptionalDouble.of(count);
            }
        };
    }

    static String round(double d) {
        return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
