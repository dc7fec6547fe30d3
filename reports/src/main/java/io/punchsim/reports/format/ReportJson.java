package io.punchsim.reports.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.reports.aggregate.AggregateJson;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.gate.GateOperator;
import io.punchsim.reports.gate.GateVerdict;
import io.punchsim.reports.gate.JudgedOn;
import io.punchsim.reports.metric.Measurement;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.sweep.Plan;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.precision.PrecisionStop;
import io.punchsim.reports.sweep.ScenarioIdentity;
import io.punchsim.reports.sweep.SweepAxis;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code report.json}: the versioned schema of {@code reports/README.md}. Fields are written in a
 * fixed order with fixed line endings, so identical sweeps give identical bytes outside
 * {@code wallClock}.
 */
public final class ReportJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ReportJson() {
    }

    public static String write(SweepReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SweepReport.SCHEMA_VERSION);
        root.put("kind", "sweep");
        root.set("scenario", scenario(report.scenario()));
        ArrayNode gates = root.putArray("gates");
        report.gates().forEach(g -> gates.add(gate(g)));
        report.precision().ifPresent(p -> root.set("precision", precision(p)));
        root.put("partial", report.partial());
        ObjectNode planned = root.putObject("planned");
        planned.put("points", report.plan().points());
        planned.put("runsPerPoint", report.plan().runsPerPoint());
        planned.put("runs", report.plan().runs());
        ObjectNode summary = root.putObject("summary");
        summary.put("points", report.points().size());
        summary.put("completePoints", report.completePoints());
        summary.put("runs", report.totalRuns());
        summary.put("gatesPassed", report.passed());
        summary.put("failedVerdicts", report.failures().size());
        ArrayNode points = root.putArray("points");
        for (SweepPoint p : report.points()) {
            ObjectNode point = points.addObject();
            ObjectNode parameters = point.putObject("parameters");
            p.parameters().forEach(parameters::put);
            point.setAll(AggregateJson.write(p.aggregate()));
            point.set("metrics", metrics(p.aggregate()));
            ArrayNode verdicts = point.putArray("gates");
            p.verdicts().forEach(v -> verdicts.add(verdict(v)));
            p.stop().ifPresent(stop -> point.set("precision", stop(stop, report.precision().orElseThrow(), p.aggregate())));
        }
        root.set("wallClock", wallClock(report.wallClock()));
        return toText(root);
    }

    static String toText(JsonNode root) {
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Reads a {@code report.json} back; gates are judged again from the aggregates. */
    public static SweepReport read(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw ReportSyntaxException.of(e);
        }
    }

    /**
     * Reads a {@code report.json} from its bytes, as a file holds them: bytes that are not UTF-8
     * are then a syntax error with a line and column, like any other.
     */
    public static SweepReport read(byte[] json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw ReportSyntaxException.of(e);
        } catch (IOException e) {
            // Reading from memory does no I/O; Jackson declares it only for streams.
            throw new UncheckedIOException(e);
        }
    }

    private static SweepReport read(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException("the file is empty; a report.json is the JSON object a sweep writes");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("expected an object at the top level");
        }
        if (!root.has("schemaVersion")) {
            throw new IllegalArgumentException("there is no schemaVersion; a report.json a sweep writes has one");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version != SweepReport.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + root.path("schemaVersion")
                    + " is not supported (this version reads " + SweepReport.SCHEMA_VERSION + ")");
        }
        if (!"sweep".equals(root.path("kind").asText())) {
            throw new IllegalArgumentException("kind must be 'sweep', got " + (root.has("kind") ? root.get("kind").toString() : "none"));
        }
        ScenarioIdentity scenario = readScenario(required(root, "scenario"));
        List<Gate> gates = new ArrayList<>();
        for (JsonNode g : required(root, "gates")) {
            gates.add(new Gate(Metrics.parse(g.path("metric").asText()), GateOperator.parse(g.path("comparison").asText()),
                    g.path("bound").asDouble(), JudgedOn.parse(g.path("judgedOn").asText())));
        }
        Optional<Precision> precision = root.has("precision") ? Optional.of(readPrecision(root.get("precision"))) : Optional.empty();
        List<PrecisionStop> stops = new ArrayList<>();
        Map<Map<String, String>, PointAggregate> points = new LinkedHashMap<>();
        for (JsonNode p : required(root, "points")) {
            if (precision.isPresent()) {
                JsonNode stop = required(p, "precision");
                stops.add(new PrecisionStop(required(stop, "seeds").asLong(), required(stop, "batches").asLong(),
                        PrecisionStop.Reason.parse(required(stop, "stoppedBecause").asText())));
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = required(p, "parameters").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                parameters.put(e.getKey(), e.getValue().asText());
            }
            points.put(parameters, AggregateJson.read(p));
        }
        JsonNode w = required(root, "wallClock");
        WallClock wallClock = new WallClock(w.path("durationSeconds").asDouble(), w.path("runsPerSecond").asDouble(),
                w.path("threads").asInt(), w.path("processors").asInt(), w.path("jvm").asText(), w.path("os").asText());
        boolean partial = root.path("partial").asBoolean();
        JsonNode planned = root.get("planned");
        if (planned == null) {
            // Written before reports kept their plan: read it off the points.
            return precision.isPresent()
                    ? SweepReport.judge(scenario, gates, points, precision.get(), stops, partial, wallClock)
                    : SweepReport.judge(scenario, gates, points, partial, wallClock);
        }
        long plannedPoints = integer(planned, "points");
        if (plannedPoints > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("planned.points is " + plannedPoints + ", too many");
        }
        Plan plan = new Plan((int) plannedPoints, integer(planned, "runsPerPoint"));
        return precision.isPresent()
                ? SweepReport.judge(scenario, gates, points, precision.get(), stops, partial, wallClock, plan)
                : SweepReport.judge(scenario, gates, points, partial, wallClock, plan);
    }

    /** A precision rule as report.json and tune.json write it. */
    public static ObjectNode precision(Precision p) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("halfWidth", p.halfWidth());
        ArrayNode metrics = node.putArray("metrics");
        p.metrics().forEach(m -> metrics.add(m.key()));
        node.put("batch", p.batch());
        node.put("maxSeeds", p.maxSeeds());
        node.put("description", p.describe());
        return node;
    }

    static Precision readPrecision(JsonNode node) {
        List<Metric> metrics = new ArrayList<>();
        required(node, "metrics").forEach(m -> metrics.add(Metrics.parse(m.asText())));
        try {
            return new Precision(required(node, "halfWidth").asDouble(), metrics, required(node, "batch").asLong(),
                    required(node, "maxSeeds").asLong());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("precision: " + e.getMessage(), e);
        }
    }

    static ObjectNode stop(PrecisionStop stop, Precision precision, PointAggregate a) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("seeds", stop.seeds());
        node.put("batches", stop.batches());
        node.put("stoppedBecause", stop.reason().key());
        ObjectNode widths = node.putObject("halfWidths");
        precision.halfWidths(a).forEach((m, w) -> widths.put(m.key(), w));
        return node;
    }

    static ObjectNode scenario(ScenarioIdentity s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", s.name());
        node.put("contentDigest", s.contentDigest());
        ArrayNode axes = node.putArray("axes");
        for (SweepAxis a : s.axes()) {
            ObjectNode axis = axes.addObject();
            axis.put("name", a.name());
            ArrayNode values = axis.putArray("values");
            a.values().forEach(values::add);
        }
        return node;
    }

    static ScenarioIdentity readScenario(JsonNode node) {
        List<SweepAxis> axes = new ArrayList<>();
        for (JsonNode a : required(node, "axes")) {
            List<String> values = new ArrayList<>();
            a.path("values").forEach(v -> values.add(v.asText()));
            axes.add(new SweepAxis(a.path("name").asText(), values));
        }
        return new ScenarioIdentity(required(node, "name").asText(), required(node, "contentDigest").asText(), axes);
    }

    /** Every registered metric at one point, in registry order: derived figures for tools that only read. */
    static ObjectNode metrics(PointAggregate a) {
        ObjectNode node = MAPPER.createObjectNode();
        for (Metric m : Metrics.all()) {
            ObjectNode metric = node.putObject(m.key());
            Measurement measurement = m.measure(a);
            if (measurement instanceof Measurement.Share share) {
                metric.put("value", share.proportion().estimate());
                metric.put("lower95", share.proportion().lower());
                metric.put("upper95", share.proportion().upper());
            } else if (!measurement.present()) {
                metric.putNull("value");
            } else if (((Measurement.Amount) measurement).whole()) {
                metric.put("value", Math.round(measurement.value()));
            } else {
                metric.put("value", measurement.value());
            }
        }
        return node;
    }

    static ObjectNode gate(Gate g) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("metric", g.metric().key());
        node.put("comparison", g.operator().key());
        node.put("bound", g.bound());
        node.put("judgedOn", g.judgedOn().key());
        node.put("description", g.describe());
        return node;
    }

    static ObjectNode verdict(GateVerdict v) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("gate", v.gate().describe());
        node.put("metric", v.gate().metric().key());
        node.put("passed", v.passed());
        putFinite(node, "measured", v.measured());
        putFinite(node, "estimate", v.estimate());
        putFinite(node, "lower95", v.lower());
        putFinite(node, "upper95", v.upper());
        node.put("bound", v.gate().bound());
        node.put("message", v.message());
        return node;
    }

    static void putFinite(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    static ObjectNode wallClock(WallClock w) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("durationSeconds", w.durationSeconds());
        node.put("runsPerSecond", w.runsPerSecond());
        node.put("threads", w.threads());
        node.put("processors", w.processors());
        node.put("jvm", w.jvm());
        node.put("os", w.os());
        return node;
    }

    private static long integer(JsonNode node, String name) {
        JsonNode value = required(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException("field '" + name + "' must be a non-negative integer, got " + value);
        }
        return value.asLong();
    }

    static JsonNode required(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return value;
    }
}
