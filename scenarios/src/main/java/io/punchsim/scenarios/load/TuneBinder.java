package io.punchsim.scenarios.load;

import io.punchsim.protocol.config.Fraction;
import io.punchsim.protocol.config.Parameter;
import io.punchsim.protocol.config.ProtocolParameters;
import io.punchsim.protocol.config.Units;
import io.punchsim.protocol.config.ValueException;
import io.punchsim.protocol.config.ValueType;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.gate.GateOperator;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.scenarios.sweep.TreeOverride;
import io.punchsim.scenarios.tune.Objective;
import io.punchsim.scenarios.tune.TuneParameter;
import io.punchsim.scenarios.tune.TuneSpec;
import io.punchsim.scenarios.tune.TuneText;
import io.punchsim.scenarios.yaml.Node;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Binds the {@code tune:} section. Each tuned key is checked like a sweep axis, each range against
 * its protocol parameter's type and range, and each value (both ends of a range) by binding the file
 * with it in place, so a problem is reported at the line that causes it before anything runs.
 */
final class TuneBinder {

    /** Steps a range is cut into when no {@code step} is given (counts take every whole number). */
    static final int DEFAULT_STEPS = 10;
    /** Values one tuned key may take. */
    static final int MAX_LEVELS = 1_000;
    /** The most runs a budget may allow: far beyond any machine's day. */
    static final long MAX_BUDGET = 1_000_000_000_000L;
    static final int MAX_INITIAL = 100_000;

    private final Fields f;
    private final ScenarioSource source;
    private final String defaultName;
    private final int baseProblems;

    TuneBinder(Fields fields, ScenarioSource source, String defaultName) {
        this.f = fields;
        this.source = source;
        this.defaultName = defaultName;
        this.baseProblems = fields.problems().size();
    }

    Optional<TuneSpec> bind(Node node) {
        Optional<Fields.Obj> obj = f.object(node, "tune", Keys.TUNE);
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        Fields.Obj o = obj.get();
        int before = f.problems().size();
        for (String required : List.of("parameters", "objectives")) {
            if (!o.has(required)) {
                f.report(o.mapping, o.path, "missing required key '" + required + "'");
            }
        }
        List<TuneParameter> parameters = o.take("parameters").map(n -> parameters(n, o.path("parameters"))).orElse(List.of());
        List<Objective> objectives = o.take("objectives").map(n -> objectives(n, o.path("objectives"))).orElse(List.of());
        List<Gate> constraints = o.take("constraints").map(n -> constraints(n, o.path("constraints"))).orElse(List.of());
        Optional<Objective> choice = o.take("choose").flatMap(n -> objective(n, o.path("choose")));
        OptionalLong budget = o.take("budget").map(n -> budget(n, o.path("budget"))).orElse(OptionalLong.empty());
        OptionalInt initial = o.take("initial")
                .map(n -> OptionalInt.of((int) f.integer(n, o.path("initial"), 1, MAX_INITIAL, 1))).orElse(OptionalInt.empty());
        List<Metric> plot = o.take("plot").map(n -> plot(n, o.path("plot"))).orElse(List.of());
        o.finish();
        if (f.problems().size() > before || parameters.isEmpty() || objectives.isEmpty()) {
            return Optional.empty();
        }
        List<Metric> axes = plot.isEmpty() ? defaultPlot(objectives, constraints) : plot;
        return Optional.of(new TuneSpec(parameters, objectives, constraints, choice.orElse(objectives.get(0)), budget, initial,
                axes, source));
    }

    // The first two metrics of the objectives, then the constraints, then the headline ones.
    private static List<Metric> defaultPlot(List<Objective> objectives, List<Gate> constraints) {
        Set<Metric> metrics = new LinkedHashSet<>();
        objectives.forEach(o -> metrics.add(o.metric()));
        constraints.forEach(c -> metrics.add(c.metric()));
        metrics.add(Metrics.DIRECT_RATE);
        metrics.add(Metrics.connectTime(io.punchsim.reports.stats.Percentile.P95));
        return metrics.stream().limit(2).toList();
    }

    // ---- parameters ----

    private List<TuneParameter> parameters(Node node, String path) {
        List<TuneParameter> parameters = new ArrayList<>();
        int before = f.problems().size();
        if (!(node instanceof Node.Mapping mapping)) {
            f.report(node, path, "expected a mapping of key path to a list of values or {range: [low, high]}, e.g. "
                    + "protocol.attempt-limit: {range: [4, 20]}; got " + Fields.describe(node));
            return parameters;
        }
        if (mapping.entries().isEmpty()) {
            f.report(node, path, "expected at least one tuned key, e.g. protocol.attempt-limit: {range: [4, 20]}");
            return parameters;
        }
        for (Node.Entry entry : mapping.entries().values()) {
            String key = entry.key();
            String keyPath = Fields.child(path, key);
            if (key.isEmpty() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
                f.report(entry.keyPosition(), keyPath, "a tuned key is a dotted key path such as protocol.attempt-limit");
                continue;
            }
            if (Keys.FILE_SECTIONS.contains(key.split("\\.")[0])) {
                f.report(entry.keyPosition(), keyPath, key.split("\\.")[0] + " applies to the whole file; it cannot be tuned");
                continue;
            }
            Optional<String> untunable = UntunableKeys.why(key);
            if (untunable.isPresent()) {
                f.report(entry.keyPosition(), keyPath, untunable.get());
                continue;
            }
            if (!io.punchsim.scenarios.schema.JsonSchema.axisPaths().contains(key)) {
                List<String> paths = List.copyOf(io.punchsim.scenarios.schema.JsonSchema.axisPaths());
                f.report(entry.keyPosition(), keyPath, "unknown key path; " + Suggestions.closest(key, paths)
                        .map(c -> "did you mean '" + c + "'?").orElse("a tuned key is a dotted key path such as protocol.attempt-limit"));
                continue;
            }
            Optional<String> blocked = source.check(key);
            if (blocked.isPresent()) {
                f.report(entry.keyPosition(), keyPath, blocked.get());
                continue;
            }
            Optional<TuneParameter> parameter = entry.value() instanceof Node.Sequence
                    ? list(entry, keyPath) : range(entry, keyPath);
            parameter.ifPresent(parameters::add);
        }
        if (parameters.size() == mapping.entries().size()) {
            checkTogether(mapping, path, parameters);
        }
        return f.problems().size() == before ? parameters : List.of();
    }

    private Optional<TuneParameter> list(Node.Entry entry, String keyPath) {
        Node.Sequence sequence = (Node.Sequence) entry.value();
        if (sequence.items().isEmpty()) {
            f.report(sequence, keyPath, "expected at least one value");
            return Optional.empty();
        }
        if (sequence.items().size() > MAX_LEVELS) {
            f.report(sequence, keyPath, "a tuned key takes at most " + MAX_LEVELS + " values; this one has " + sequence.items().size());
            return Optional.empty();
        }
        List<TuneParameter.Level> levels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int before = f.problems().size();
        for (int i = 0; i < sequence.items().size(); i++) {
            Node item = sequence.items().get(i);
            String label = TreeOverride.render(item);
            if (!seen.add(label)) {
                f.report(item, keyPath + "[" + i + "]", "'" + label + "' is listed twice");
                continue;
            }
            levels.add(new TuneParameter.Level(label, item));
            checkValue(entry.key(), item, entry.keyPosition(), keyPath + "[" + i + "]", label);
        }
        if (f.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new TuneParameter(entry.key(), entry.keyPosition(), TuneParameter.Kind.LIST, levels));
    }

    /**
     * Binds the file with one value in place and keeps its problems, each once. A problem inside the
     * value is named by the value's own path in the tune section; one elsewhere says which value
     * caused it. Skipped when the file has problems of its own already.
     */
    private void checkValue(String key, Node value, Node.Position at, String valuePath, String label) {
        if (baseProblems > 0) {
            return;
        }
        for (Problem p : source.problems(List.of(new ScenarioSource.Override(key, value, at)))) {
            String path = p.keyPath();
            boolean inside = path.equals(key) || path.startsWith(key + ".") || path.startsWith(key + "[");
            Problem named = inside
                    ? new Problem(p.file(), p.line(), p.column(), valuePath + path.substring(key.length()), p.message())
                    : new Problem(p.file(), p.line(), p.column(), path, p.message() + " (with " + key + " = " + label + ")");
            if (!f.problems().contains(named)) {
                f.problems().add(named);
            }
        }
    }

    private Optional<TuneParameter> range(Node.Entry entry, String keyPath) {
        Optional<Fields.Obj> obj = f.object(entry.value(), keyPath, Keys.TUNE_RANGE);
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        Fields.Obj o = obj.get();
        if (!o.has("range")) {
            f.report(o.mapping, keyPath, "expected a list of values or {range: [low, high]}; missing key 'range'");
            o.take("step");
            o.finish();
            return Optional.empty();
        }
        Node rangeNode = o.take("range").orElseThrow();
        Optional<Node> stepNode = o.take("step");
        o.finish();
        String rangePath = keyPath + ".range";
        String key = entry.key();
        Optional<Parameter<?>> parameter = ProtocolParameters.byPath(key);
        ValueType<?> type = parameter.map(Parameter::type).orElse(null);
        if (!(type instanceof ValueType.Duration || type instanceof ValueType.Count || type instanceof ValueType.Share
                || type instanceof ValueType.Real)) {
            f.report(rangeNode, rangePath, "a range is for a duration, count, fraction or number of the protocol table"
                    + (parameter.isPresent() ? " (" + key + " is a " + type.name() + ")" : "") + "; give " + key + " a list of values");
            return Optional.empty();
        }
        Optional<List<Node>> ends = f.list(rangeNode, rangePath, "two values [low, high]");
        if (ends.isEmpty()) {
            return Optional.empty();
        }
        if (ends.get().size() != 2) {
            f.report(rangeNode, rangePath, "expected two values [low, high]; got " + ends.get().size());
            return Optional.empty();
        }
        int before = f.problems().size();
        Object low = end(ends.get().get(0), rangePath + "[0]", type);
        Object high = end(ends.get().get(1), rangePath + "[1]", type);
        if (f.problems().size() > before) {
            return Optional.empty();
        }
        List<TuneParameter.Level> levels = levels(type, low, high, stepNode, rangeNode, rangePath, keyPath, entry.keyPosition());
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        checkValue(key, levels.get(0).value(), ends.get().get(0).position(), rangePath + "[0]", levels.get(0).label());
        TuneParameter.Level last = levels.get(levels.size() - 1);
        checkValue(key, last.value(), ends.get().get(1).position(), rangePath + "[1]", last.label());
        if (f.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new TuneParameter(key, entry.keyPosition(), TuneParameter.Kind.RANGE, levels));
    }

    /** One end of a range, parsed and range-checked by the parameter's own type; null after a problem. */
    private Object end(Node node, String path, ValueType<?> type) {
        if (!(node instanceof Node.Scalar scalar) || scalar.type() == Node.ScalarKind.NULL) {
            f.report(node, path, "expected a " + type.name() + " in " + type.range() + "; got " + Fields.describe(node));
            return null;
        }
        try {
            Object value = type.read(scalar.text());
            if (type instanceof ValueType.Count && scalar.type() != Node.ScalarKind.NUMBER) {
                throw new ValueException("expected a whole number in " + type.range() + "; got '" + scalar.text() + "'");
            }
            return value;
        } catch (ValueException e) {
            f.report(node, path, e.getMessage());
            return null;
        }
    }

    /** Every value from low to high in steps; empty after a reported problem. */
    private List<TuneParameter.Level> levels(ValueType<?> type, Object low, Object high, Optional<Node> stepNode, Node rangeNode,
                                             String rangePath, String keyPath, Node.Position at) {
        // Exact arithmetic throughout: a fraction as p/q, anything else as a decimal (durations in nanoseconds).
        Rational lo = Rational.of(low);
        Rational hi = Rational.of(high);
        if (lo.compareTo(hi) >= 0) {
            f.report(rangeNode, rangePath, "the low end " + text(type, low) + " is not below the high end " + text(type, high));
            return List.of();
        }
        Rational span = hi.minus(lo);
        Rational step;
        String stepPath = keyPath + ".step";
        if (stepNode.isPresent()) {
            Object stepValue = step(stepNode.get(), stepPath, type);
            if (stepValue == null) {
                return List.of();
            }
            step = Rational.of(stepValue);
            if (step.signum() <= 0) {
                f.report(stepNode.get(), stepPath, "a step is above zero");
                return List.of();
            }
        } else {
            step = type instanceof ValueType.Count ? Rational.of(1L) : span.dividedBy(DEFAULT_STEPS);
        }
        Rational steps = span.dividedBy(step);
        boolean whole = steps.isWhole() && (!(type instanceof ValueType.Duration || type instanceof ValueType.Count) || step.isWhole());
        if (!whole) {
            if (stepNode.isPresent()) {
                f.report(stepNode.get(), stepPath, "the range " + text(type, low) + ".." + text(type, high)
                        + " is not a whole number of steps of " + ((Node.Scalar) stepNode.get()).text());
            } else {
                f.report(rangeNode, rangePath, "the range does not split into " + DEFAULT_STEPS + " equal steps of whole "
                        + (type instanceof ValueType.Duration ? "nanoseconds" : "numbers") + "; give a step");
            }
            return List.of();
        }
        BigInteger count = steps.numerator().add(BigInteger.ONE);
        if (count.compareTo(BigInteger.valueOf(MAX_LEVELS)) > 0) {
            f.report(stepNode.orElse(rangeNode), stepNode.isPresent() ? stepPath : rangePath,
                    "the range has " + count + " values; a tuned key takes at most " + MAX_LEVELS);
            return List.of();
        }
        List<TuneParameter.Level> levels = new ArrayList<>();
        for (long k = 0; k < count.longValueExact(); k++) {
            Rational value = lo.plus(step.times(k));
            String label = type instanceof ValueType.Duration ? Units.formatDuration(value.numerator().longValueExact())
                    : value.label();
            Node.ScalarKind kind = type instanceof ValueType.Duration || label.contains("/") ? Node.ScalarKind.STRING
                    : Node.ScalarKind.NUMBER;
            levels.add(new TuneParameter.Level(label, new Node.Scalar(label, kind, at)));
        }
        return levels;
    }

    private Object step(Node node, String path, ValueType<?> type) {
        if (!(node instanceof Node.Scalar scalar) || scalar.type() == Node.ScalarKind.NULL) {
            f.report(node, path, "expected a " + type.name() + " step; got " + Fields.describe(node));
            return null;
        }
        try {
            return type.parse(scalar.text());
        } catch (ValueException e) {
            f.report(node, path, e.getMessage());
            return null;
        }
    }

    // A fraction as the file writes it (1/3, 0.5, 1), not as the type stores it (1/3, 1/2, 1/1).
    @SuppressWarnings("unchecked")
    private static String text(ValueType<?> type, Object value) {
        return value instanceof Fraction ? Rational.of(value).label() : ((ValueType<Object>) type).format(value);
    }

    /** An exact non-negative rational p/q in lowest terms, for the steps of a range. */
    private record Rational(BigInteger numerator, BigInteger denominator) implements Comparable<Rational> {
        Rational {
            BigInteger g = numerator.gcd(denominator);
            if (g.signum() != 0) {
                numerator = numerator.divide(g);
                denominator = denominator.divide(g);
            }
            if (denominator.signum() < 0) {
                numerator = numerator.negate();
                denominator = denominator.negate();
            }
        }

        static Rational of(Object value) {
            if (value instanceof Long n) {
                return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
            }
            if (value instanceof Integer n) {
                return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
            }
            if (value instanceof Fraction q) {
                return new Rational(BigInteger.valueOf(q.numerator()), BigInteger.valueOf(q.denominator()));
            }
            BigDecimal d = new BigDecimal(Double.toString((Double) value)).stripTrailingZeros();
            return d.scale() <= 0 ? new Rational(d.toBigIntegerExact(), BigInteger.ONE)
                    : new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
        }

        Rational plus(Rational o) {
            return new Rational(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)), denominator.multiply(o.denominator));
        }

        Rational minus(Rational o) {
            return plus(new Rational(o.numerator.negate(), o.denominator));
        }

        Rational times(long k) {
            return new Rational(numerator.multiply(BigInteger.valueOf(k)), denominator);
        }

        Rational dividedBy(long k) {
            return new Rational(numerator, denominator.multiply(BigInteger.valueOf(k)));
        }

        Rational dividedBy(Rational o) {
            return new Rational(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
        }

        int signum() {
            return numerator.signum();
        }

        boolean isWhole() {
            return denominator.equals(BigInteger.ONE);
        }

        /** A whole number, a decimal of at most 9 places, or p/q. */
        String label() {
            if (isWhole()) {
                return numerator.toString();
            }
            BigInteger rest = denominator;
            for (BigInteger prime : List.of(BigInteger.TWO, BigInteger.valueOf(5))) {
                while (rest.mod(prime).signum() == 0) {
                    rest = rest.divide(prime);
                }
            }
            if (rest.equals(BigInteger.ONE)) {
                BigDecimal decimal = new BigDecimal(numerator).divide(new BigDecimal(denominator)).stripTrailingZeros();
                if (decimal.scale() <= 9) {
                    return decimal.toPlainString();
                }
            }
            return numerator + "/" + denominator;
        }

        @Override
        public int compareTo(Rational o) {
            return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
        }
    }

    /**
     * Tuned keys are checked together: none may lie inside another, they must share their first key
     * (front.yaml lists the front as one sweep axis under it), and the grid must be of a size a tune takes.
     */
    private void checkTogether(Node.Mapping mapping, String path, List<TuneParameter> parameters) {
        for (TuneParameter a : parameters) {
            for (TuneParameter b : parameters) {
                if (a != b && b.path().startsWith(a.path() + ".")) {
                    f.report(b.position(), Fields.child(path, b.path()), "lies inside " + a.path() + ", which is tuned too");
                    return;
                }
            }
        }
        Set<String> sections = new LinkedHashSet<>();
        parameters.forEach(p -> sections.add(p.path().split("\\.")[0]));
        if (sections.size() > 1) {
            f.report(mapping, path, "the tuned keys lie in different sections (" + String.join(", ", sections)
                    + "); they must share their first key, because front.yaml lists the front as one sweep axis under it");
            return;
        }
        long size = 1;
        for (TuneParameter p : parameters) {
            size *= p.size();
            if (size > TuneSpec.MAX_CANDIDATES) {
                f.report(mapping, path, "the grid of tuned values has more than " + TuneSpec.MAX_CANDIDATES
                        + " candidates; use fewer values or larger steps");
                return;
            }
        }
    }

    // ---- constraints ----

    private List<Gate> constraints(Node node, String path) {
        int before = f.problems().size();
        List<Gate> constraints = new ScenarioBinder(f, defaultName).gates(node, path);
        // Every item bound: constraint i is item i, so a contradiction can be named at its own line.
        if (f.problems().size() == before && node instanceof Node.Sequence sequence) {
            contradictions(sequence, path, constraints);
        }
        return constraints;
    }

    /**
     * A lower bound above an upper bound on the same metric: no setting can meet both, whatever it
     * measures and whichever end either judges, so the file is refused before a run is spent on it.
     */
    private void contradictions(Node.Sequence items, String path, List<Gate> constraints) {
        for (int i = 0; i < constraints.size(); i++) {
            Gate later = constraints.get(i);
            for (int j = 0; j < i; j++) {
                Gate earlier = constraints.get(j);
                if (earlier.metric().equals(later.metric()) && earlier.operator() != later.operator()) {
                    Gate atLeast = later.operator() == GateOperator.AT_LEAST ? later : earlier;
                    Gate atMost = atLeast == later ? earlier : later;
                    if (atLeast.bound() > atMost.bound()) {
                        f.report(items.items().get(i), path + "[" + i + "]", "contradicts " + path + "[" + j + "] ("
                                + TuneText.constraint(earlier) + "): its lower bound is above its upper bound, so no setting can meet both");
                        break;
                    }
                }
            }
        }
    }

    // ---- objectives, choice, budget, plot ----

    private List<Objective> objectives(Node node, String path) {
        List<Objective> objectives = new ArrayList<>();
        List<Node> items = f.list(node, path, "objectives such as {maximize: direct-rate}").orElse(List.of());
        if (node instanceof Node.Sequence && items.isEmpty()) {
            f.report(node, path, "expected at least one objective, e.g. {maximize: direct-rate}");
        }
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Optional<Objective> objective = objective(items.get(i), itemPath);
            if (objective.isPresent() && objectives.stream().anyMatch(o -> o.metric().equals(objective.get().metric()))) {
                f.report(items.get(i), itemPath, "'" + objective.get().metric().key() + "' is an objective already");
                continue;
            }
            objective.ifPresent(objectives::add);
        }
        return objectives;
    }

    private Optional<Objective> objective(Node node, String path) {
        Optional<Fields.Obj> obj = f.object(node, path, Keys.OBJECTIVE);
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        Fields.Obj o = obj.get();
        List<String> given = Keys.OBJECTIVE.stream().filter(o::has).toList();
        if (given.size() != 1) {
            f.report(node, path, "an objective is exactly one of maximize or minimize, with a metric, e.g. {maximize: direct-rate}");
            Keys.OBJECTIVE.forEach(o::take);
            o.finish();
            return Optional.empty();
        }
        String direction = given.get(0);
        Optional<Metric> metric = o.take(direction).flatMap(n -> metric(n, o.path(direction)));
        o.finish();
        return metric.map(m -> new Objective(m, direction.equals("maximize") ? Objective.Direction.MAXIMIZE
                : Objective.Direction.MINIMIZE));
    }

    private Optional<Metric> metric(Node node, String path) {
        return f.word(node, path, Metrics.all().stream().map(Metric::key).toList()).map(Metrics::parse);
    }

    private OptionalLong budget(Node node, String path) {
        Optional<Fields.Obj> obj = f.object(node, path, Keys.BUDGET);
        if (obj.isEmpty()) {
            return OptionalLong.empty();
        }
        Fields.Obj o = obj.get();
        if (!o.has("runs")) {
            f.report(node, path, "missing required key 'runs' (the most runs the tune may spend)");
        }
        OptionalLong runs = o.take("runs").map(n -> OptionalLong.of(f.integer(n, o.path("runs"), 1, MAX_BUDGET, 1)))
                .orElse(OptionalLong.empty());
        o.finish();
        return runs;
    }

    private List<Metric> plot(Node node, String path) {
        List<Node> items = f.list(node, path, "two metrics, e.g. [direct-rate, connect-time-p95]").orElse(List.of());
        if (node instanceof Node.Sequence && items.size() != 2) {
            f.report(node, path, "expected two metrics, e.g. [direct-rate, connect-time-p95]; got " + items.size());
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            metric(items.get(i), path + "[" + i + "]").ifPresent(metrics::add);
        }
        if (metrics.size() == 2 && metrics.get(0).equals(metrics.get(1))) {
            f.report(node, path, "expected two different metrics");
            return List.of();
        }
        return metrics.size() == 2 ? metrics : List.of();
    }
}
