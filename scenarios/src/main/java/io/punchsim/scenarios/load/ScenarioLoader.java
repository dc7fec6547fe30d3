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
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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

    /** Seeds (runs) per point at most, in the file's {@code seeds} and on the command line. */
    public static final int MAX_SEEDS = 100_000_000;

    private ScenarioLoader() {
    }

    /** Files larger than this are refused unread; the largest example is a few kilobytes. */
    public static final long MAX_FILE_BYTES = YamlTreeReader.MAX_CHARS;

    /**
     * Values bound over a whole grid (points times the values of one point): 100,000 points of a
     * 100-value file. Past it, checking would take minutes.
     */
    public static final long MAX_GRID_VALUES = 10_000_000;

    /** Problems a {@link ScenarioException} keeps; past this the check stops and says so. */
    public static final int MAX_PROBLEMS = 10_000;

    /** Loads a file; problems name it as given (e.g. {@code scenarios/lan.yaml:3:5: ...}). */
    public static LoadedScenario load(Path file) throws ScenarioException {
        return load(file.toString(), read(file));
    }

    /** The file's text: a readable regular file of at most 1 MiB of UTF-8. */
    private static String read(Path file) throws ScenarioException {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw problem(name, 1, 1, "is a directory, not a scenario file");
            }
            if (!Files.exists(file)) {
                throw problem(name, 1, 1, "no such file");
            }
            if (!Files.isRegularFile(file)) {
                throw problem(name, 1, 1, "not a regular file; a scenario is a YAML file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw problem(name, 1, 1, "the file has " + size + " bytes; a scenario file holds at most "
                        + MAX_FILE_BYTES + " (1 MiB)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                // Read at most one byte more than allowed, in case the file grew since its size was taken.
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw problem(name, 1, 1, "the file has more than " + MAX_FILE_BYTES + " bytes; a scenario file holds at most "
                        + MAX_FILE_BYTES + " (1 MiB)");
            }
        } catch (IOException e) {
            throw problem(name, 1, 1, "cannot read file: " + (e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied" : e.getMessage()));
        }
        return utf8(name, bytes);
    }

    /** Decodes UTF-8, naming the line, column and byte offset of the first byte that is not. */
    static String utf8(String name, byte[] bytes) throws ScenarioException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = before.codePointCount(lineStart, before.length()) + 1;
            throw problem(name, line, column, String.format("not UTF-8 text: byte offset %d holds 0x%02X, which does not"
                    + " begin or continue a UTF-8 character; save the file as UTF-8", offset, bytes[offset] & 0xff));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        // A byte-order mark is allowed and means nothing.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static ScenarioException problem(String file, int line, int column, String message) {
        return new ScenarioException(List.of(new Problem(file, line, column, "", message)));
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
        // Exact: a grid of 2^64 points must not wrap around to an empty one.
        if (sweep.exactSize().compareTo(java.math.BigInteger.valueOf(MAX_POINTS)) > 0) {
            Node sweepNode = ((Node.Mapping) root).entries().get("sweep").value();
            fields.report(sweepNode, "sweep", "the grid has " + String.format(java.util.Locale.ROOT, "%,d", sweep.exactSize())
                    + " points (the product of the axes' sizes); at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_POINTS)
                    + " are allowed");
            throw new ScenarioException(problems);
        }
        if (sweep.size() > 1) {
            // Every point is bound like a file of its own: the work is the points times the values of one.
            long perPoint = values(TreeOverride.without((Node.Mapping) root, "sweep"));
            for (NodeAxis axis : axes) {
                perPoint += values(axis.values().get(0));
            }
            if (sweep.size() * perPoint > MAX_GRID_VALUES) {
                Node sweepNode = ((Node.Mapping) root).entries().get("sweep").value();
                fields.report(sweepNode, "sweep", "the grid has " + sweep.size() + " points of " + perPoint + " values each, "
                        + sweep.size() * perPoint + " values to check; at most " + MAX_GRID_VALUES
                        + " are allowed (a coarser grid or a smaller file)");
                throw new ScenarioException(problems);
            }
        }
        if (!problems.isEmpty()) {
            // The sweep's own values are still checked, so one pass shows what is wrong in both.
            if (root instanceof Node.Mapping mapping && !axes.isEmpty()) {
                problems.addAll(points(fileName, defaultName, mapping, axes, base, true).problems());
            }
            throw new ScenarioException(problems);
        }
        Expansion expansion = points(fileName, defaultName, (Node.Mapping) root, axes, base, false);
        if (!expansion.problems().isEmpty()) {
            throw new ScenarioException(expansion.problems());
        }
        return new LoadedScenario(fileName, base, sweep, expansion.points(), precision, tune);
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

    /** The values of a tree, an aliased value counted once per place it is used (as binding visits it). */
    private static long values(Node node) {
        long n = 1;
        if (node instanceof Node.Mapping mapping) {
            for (Node.Entry entry : mapping.entries().values()) {
                n += values(entry.value());
            }
        } else if (node instanceof Node.Sequence sequence) {
            for (Node item : sequence.items()) {
                n += values(item);
            }
        }
        return n;
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

    /** The points of a grid, or what is wrong with them. */
    private record Expansion(List<SweepPoint> points, List<Problem> problems) {
    }

    /**
     * Expands the grid (first axis slowest, last fastest) and binds every point like the base.
     * With {@code sweepOnly} (the base has problems of its own, reported already) only problems
     * at the sweep's own lines are kept: the rest would repeat the base's.
     */
    private static Expansion points(String fileName, String defaultName, Node.Mapping root, List<NodeAxis> axes,
            Scenario base, boolean sweepOnly) {
        if (axes.isEmpty()) {
            return new Expansion(List.of(new SweepPoint(0, Map.of(), base)), List.of());
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
            if (problems.size() >= MAX_PROBLEMS) {
                Node.Position at = axes.get(0).keyPosition();
                problems.put(List.of("stopped"), new Problem(fileName, at.line(), at.column(), "sweep", "checking stopped at "
                        + MAX_PROBLEMS + " problems, after " + p + " of " + total + " points"));
                break;
            }
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
                if (sweepOnly && !inSweep) {
                    continue;
                }
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
        return new Expansion(points, new ArrayList<>(problems.values()));
    }
}
