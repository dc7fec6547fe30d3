package io.punchsim.scenarios.load;

import io.punchsim.protocol.config.Parameter;
import io.punchsim.protocol.config.ProtocolParameters;
import io.punchsim.reports.gate.GateOperator;
import java.util.List;

/** The keys the loader accepts at each level of a scenario file, in documentation order. */
public final class Keys {

    public static final List<String> TOP = List.of(
            "name", "description", "seeds", "root-seed", "session", "host", "client", "network", "protocol", "faults",
            "sweep", "gates", "precision", "tune");
    public static final List<String> PEER = List.of("nat", "link", "startup-delay", "join-delay");
    public static final List<String> NETWORK = List.of("same-lan", "shared-nats", "cloud", "stun", "peer-path");
    /** The number of clients, then the session rows of the protocol's parameter table. */
    public static final List<String> SESSION = sessionKeys();
    /** A chain hop naming a NAT declared under {@code network.shared-nats}. */
    public static final List<String> SHARED_NAT = List.of("shared");
    public static final List<String> PLACEMENT = List.of("latency", "region", "from-host", "from-client");
    public static final List<String> LINK_DIRECTION = List.of("latency", "jitter", "fifo", "loss", "duplication");
    public static final List<String> LINK = List.of("preset", "latency", "jitter", "fifo", "loss", "duplication", "up", "down");
    public static final List<String> LATENCY = List.of("constant", "uniform", "normal", "lognormal", "pareto", "empirical");
    public static final List<String> NORMAL = List.of("mean", "sd");
    public static final List<String> LOGNORMAL = List.of("median", "sigma");
    public static final List<String> PARETO = List.of("scale", "shape");
    public static final List<String> LOSS = List.of("bernoulli", "gilbert-elliott");
    public static final List<String> GILBERT_ELLIOTT = List.of("p-good-to-bad", "p-bad-to-good", "loss-good", "loss-bad");
    public static final List<String> CUSTOM_NAT = List.of(
            "preset", "mapping", "filtering", "allocation", "port-step", "port-range", "lifetime", "inbound-refresh",
            "hairpinning", "external-addresses", "pooling", "max-mappings", "on-full");
    public static final List<String> MIX = List.of("mix");
    public static final List<String> MIX_OPTION = List.of("nat", "weight");
    /** A peer's NAT drawn from a named population, with some of its weights overridden. */
    public static final List<String> POPULATION_NAT = List.of("population", "weights");
    /** The keys under {@code protocol:}, from the protocol's parameter table. */
    public static final List<String> PROTOCOL = protocolLevel("");
    public static final List<String> FAULT_KINDS = List.of("link-down", "loss-burst", "nat-rebinding");
    public static final List<String> LINK_DOWN = List.of("link", "direction", "from", "to");
    public static final List<String> LOSS_BURST = List.of("link", "direction", "from", "to", "rate");
    public static final List<String> NAT_REBINDING = List.of("nat", "hop", "at");
    public static final List<String> GATE = List.of("metric", GateOperator.AT_LEAST.key(), GateOperator.AT_MOST.key(), "judged-on");
    /** The keys of a population file (not of a scenario): its top level and each entry. */
    public static final List<String> POPULATION_FILE = List.of("name", "description", "entries");
    public static final List<String> POPULATION_ENTRY = List.of("name", "weight", "nat", "entries", "population", "source",
            "assumption");
    public static final List<String> PRECISION = List.of("half-width", "metrics", "batch", "max-seeds");
    public static final List<String> TUNE = List.of("parameters", "objectives", "constraints", "choose", "budget", "initial", "plot");
    public static final List<String> TUNE_RANGE = List.of("range", "step");
    public static final List<String> OBJECTIVE = List.of("maximize", "minimize");
    public static final List<String> BUDGET = List.of("runs");
    /** Sections that apply to the whole file: a sweep axis or a tuned key cannot lie inside them. */
    public static final List<String> FILE_SECTIONS = List.of("sweep", "precision", "tune");

    private Keys() {
    }

    private static List<String> sessionKeys() {
        List<String> keys = new java.util.ArrayList<>(List.of("clients"));
        for (Parameter<?> p : ProtocolParameters.section(Parameter.Scope.SESSION)) {
            keys.add(p.key());
        }
        return List.copyOf(keys);
    }

    /**
     * The keys one level below {@code prefix} (empty, or a group such as {@code "game-phase."}) in
     * the protocol's parameter table, in its order: a parameter's own name, or the group it opens.
     */
    public static List<String> protocolLevel(String prefix) {
        return sectionLevel(Parameter.Scope.PROTOCOL, prefix);
    }

    /** The same for the section of {@code scope} ({@code protocol:} or {@code session:}). */
    public static List<String> sectionLevel(Parameter.Scope scope, String prefix) {
        java.util.LinkedHashSet<String> level = new java.util.LinkedHashSet<>();
        for (Parameter<?> p : ProtocolParameters.section(scope)) {
            if (p.key().startsWith(prefix)) {
                String rest = p.key().substring(prefix.length());
                int dot = rest.indexOf('.');
                level.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return List.copyOf(level);
    }

    /**
     * Every key at every level of a scenario, plus the preset names that key a shorthand mix (the
     * entry names under a population's {@code weights} are the population files' own).
     */
    public static java.util.Set<String> all() {
        java.util.Set<String> all = new java.util.TreeSet<>(io.punchsim.nat.NatPresets.names());
        for (List<String> level : List.of(TOP, PEER, NETWORK, PLACEMENT, LINK_DIRECTION, LINK, LATENCY, NORMAL, LOGNORMAL,
                PARETO, LOSS, GILBERT_ELLIOTT, CUSTOM_NAT, MIX, MIX_OPTION, POPULATION_NAT,
                FAULT_KINDS, LINK_DOWN, LOSS_BURST, NAT_REBINDING, GATE, PRECISION, TUNE, TUNE_RANGE, OBJECTIVE, BUDGET,
                SESSION, SHARED_NAT)) {
            all.addAll(level);
        }
        for (Parameter<?> p : ProtocolParameters.protocolSection()) {
            all.addAll(List.of(p.key().split("\\.")));
        }
        return all;
    }
}
