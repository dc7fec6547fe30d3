package io.punchsim.scenarios.load;

import io.punchsim.reports.precision.Precision;
import io.punchsim.scenarios.model.Scenario;
import io.punchsim.scenarios.sweep.SweepAxis;
import io.punchsim.scenarios.sweep.SweepPoint;
import io.punchsim.scenarios.sweep.SweepSpec;
import io.punchsim.scenarios.sweep.TreeOverride;
import io.punchsim.scenarios.tune.TuneSpec;
import io.punchsim.scenarios.yaml.Node;
import io.punchsim.scenarios.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scenario file, validates it completely (the base and every sweep point) and either
 * returns it or throws with every problem found: a bad file is never half-run.
 */
public final class ScenarioLoader {

    /** Grids larger than this are refused; a sweep that big is almost always a mistake. */
    public static final long MAX_POINTS = 100_000;

    private ScenarioLoader() {
    }

    /** Loads a file; problems name it as given (e.g. {@code scenarios/lan.yaml:3:5: ...}). */
    public static LoadedScenario load(Path file) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 1, 1, "", "cannot read file: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()))));
        }
        return load(file.toString(), text);
    }

    /**
     * Loads from text; {@code fileName} is what problems name, and its last part without
     * {@code .yaml} is the default scenario name.
     */
    public static LoadedScenario load(String fileName, String text) throws ScenarioException {
        YamlTreeReader.Result read = YamlTreeReader.read(text);
        List<Problem> problems = new ArrayList<>();
        for (YamlTreeReader.SyntaxError error : read.errors()) {
            problems.add(new Problem(fileName, error.position().line(), error.position().column(), error.keyPath(), error.message()));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (read.tree().isEmpty() || isNull(read.tree().get())) {
            throw new ScenarioException(List.of(new Problem(fileName, 1, 1, "",
                    "the file is empty; a scenario is a mapping of keys such as host, client, protocol, seeds")));
        }
        Node root = read.tree().get();
        String defaultName = Path.of(fileName).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Fields fields = new Fields(fileName, problems);
        Scenario base = new ScenarioBinder(fields, defaultName).bind(root);
        Optional<Precision> precision = Optional.empty();
        Optional<TuneSpec> tune = Optional.empty();
        if (root instanceof Node.Mapping mapping && base != null) {
            if (mapping.entries().containsKey("precision")) {
                precision = new PrecisionBinder(fields).bind(mapping.entries().get("precision").value());
            }
            if (mapping.entries().containsKey("tune")) {
                ScenarioSource source = new ScenarioSource(fileName, defaultName, text, mapping);
                tune = new TuneBinder(fields, source, defaultName).bind(mapping.entries().get("tune").value());
            }
        }
        SweepSpec sweep = SweepSpec.none();
        List<NodeAxis> axes = List.of();
        if (root instanceof Node.Mapping mapping && mapping.entries().containsKey("sweep")) {
            axes = axes(mapping.entries().get("sweep").value(), fields);
            sweep = new SweepSpec(axes.stream().map(NodeAxis::spec).toList());
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (sweep.size() > MAX_POINTS) {
            Node sweepNode = ((Node.Mapping) root).entries().get("sweep").value();
            fields.report(sweepNode, "sweep", "the grid has " + sweep.size() + " points; at most " + MAX_POINTS + " are allowed");
            throw new ScenarioException(problems);
        }
        List<SweepPoint> points = points(fileName, defaultName, (Node.Mapping) root, axes, base);
        return new LoadedScenario(fileName, base, sweep, points, precision, tune);
    }

    /**
     * The scenario of a file that sets nothing but its name: every default, filled in by the same
     * code that fills in a file's, for building scenarios in code.
     */
    public static Scenario defaults(String name) {
        List<Problem> problems = new ArrayList<>();
        Scenario scenario = new ScenarioBinder(new Fields(name, problems), name)
                .bind(new Node.Mapping(Map.of(), new Node.Position(1, 1)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the defaults do not bind: " + problems);
        }
        return scenario;
    }

    private static void positions(Node node, Set<Node.Position> into) {
        into.add(node.position());
        if (node instanceof Node.Mapping mapping) {
            for (Node.Entry entry : mapping.entries().values()) {
                into.add(entry.keyPosition());
                positions(entry.value(), into);
            }
        } else if (node instanceof Node.Sequence sequence) {
            sequence.items().forEach(item -> positions(item, into));
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof Node.Scalar scalar && scalar.type() == Node.ScalarKind.NULL;
    }

    /** An axis with its value nodes, kept so each point's problems point at the value's line. */
    private record NodeAxis(String path, Node.Position keyPosition, List<Node> values, SweepAxis spec) {
    }

    private static List<NodeAxis> axes(Node node, Fields fields) {
        List<NodeAxis> axes = new ArrayList<>();
        if (!(node instanceof Node.Mapping mapping)) {
            fields.report(node, "sweep", "expected a mapping of key path to a list of values, e.g. "
                    + "protocol.attempt-interval: [250ms, 500ms]; got " + Fields.describe(node));
            return axes;
        }
        for (Node.Entry entry : mapping.entries().values()) {
            String path = "sweep." + entry.key();
            String axis = entry.key();
            if (axis.isEmpty() || axis.startsWith("sweep") || axis.startsWith(".") || axis.endsWith(".") || axis.contains("..")) {
                fields.report(entry.keyPosition(), path, "a sweep axis is a dotted key path such as protocol.attempt-limit,"
                        + " and cannot be inside sweep itself");
                continue;
            }
            if (Keys.FILE_SECTIONS.contains(axis.split("\\.")[0])) {
                fields.report(entry.keyPosition(), path, axis.split("\\.")[0] + " applies to the whole file; it cannot be swept");
                continue;
            }
            if (!(entry.value() instanceof Node.Sequence sequence) || sequence.items().isEmpty()) {
                fields.report(entry.value(), path, "expected a non-empty list of values; got " + Fields.describe(entry.value()));
                continue;
            }
            List<String> labels = sequence.items().stream().map(TreeOverride::render).toList();
            axes.add(new NodeAxis(axis, entry.keyPosition(), sequence.items(), new SweepAxis(axis, labels)));
        }
        return axes;
    }

    /** Expands the grid (first axis slowest, last fastest) and binds every point like the base. */
    private static List<SweepPoint> points(String fileName, String defaultName, Node.Mapping root, List<NodeAxis> axes,
            Scenario base) throws ScenarioException {
        if (axes.isEmpty()) {
            return List.of(new SweepPoint(0, Map.of(), base));
        }
        Node.Mapping withoutSweep = TreeOverride.without(root, "sweep");
        Set<Node.Position> sweepPositions = new HashSet<>();
        for (NodeAxis axis : axes) {
            sweepPositions.add(axis.keyPosition());
            axis.values().forEach(v -> positions(v, sweepPositions));
        }
        // One problem per place and message: a bad value is reported once, not once per point.
        Map<List<Object>, Problem> problems = new LinkedHashMap<>();
        List<SweepPoint> points = new ArrayList<>();
        int[] index = new int[axes.size()];
        int total = 1;
        for (NodeAxis axis : axes) {
            total *= axis.values().size();
        }
        for (int p = 0; p < total; p++) {
            Node.Mapping tree = withoutSweep;
            Map<String, String> values = new LinkedHashMap<>();
            List<Problem> pointProblems = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                NodeAxis axis = axes.get(a);
                Node value = axis.values().get(index[a]);
                values.put(axis.path(), axis.spec().values().get(index[a]));
                Optional<String> error = TreeOverride.check(tree, axis.path());
                if (error.isPresent()) {
                    pointProblems.add(new Problem(fileName, axis.keyPosition().line(), axis.keyPosition().column(),
                            "sweep." + axis.path(), error.get()));
                    continue;
                }
                tree = TreeOverride.with(tree, axis.path(), value, axis.keyPosition());
            }
            if (pointProblems.isEmpty()) {
                Fields fields = new Fields(fileName, pointProblems);
                Scenario scenario = new ScenarioBinder(fields, defaultName).bind(tree);
                if (pointProblems.isEmpty()) {
                    points.add(new SweepPoint(p, values, scenario));
                }
            }
            for (Problem problem : pointProblems) {
                List<Object> key = List.of(problem.line(), problem.column(), problem.keyPath(), problem.message());
                // A problem away from the sweep lines comes from combining base values with this point.
                boolean inSweep = sweepPositions.contains(new Node.Position(problem.line(), problem.column()));
                problems.putIfAbsent(key, inSweep ? problem : new Problem(problem.file(), problem.line(),
                        problem.column(), problem.keyPath(), problem.message() + " (at sweep point " + SweepPoint.label(values) + ")"));
            }
            for (int a = axes.size() - 1; a >= 0; a--) {
                if (++index[a] < axes.get(a).values().size()) {
                    break;
                }
                index[a] = 0;
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(new ArrayList<>(problems.values()));
        }
        return points;
    }
}
