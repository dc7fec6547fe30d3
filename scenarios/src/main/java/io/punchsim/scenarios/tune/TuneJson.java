package io.punchsim.scenarios.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.metric.Interval;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.sweep.WallClock;

/**
 * {@code tune.json}: every evaluated candidate with its seeds, where it ended and every metric with
 * its 95% interval, the front and the choice. Fields come in a fixed order, so two tunes of the same
 * file give the same bytes outside {@code wallClock}, whatever the thread count.
 */
public final class TuneJson {

    /** The {@code tune.json} schema this code writes. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private TuneJson() {
    }

    public static String write(TuneResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("kind", "tune");
        root.put("scenario", r.scenario());
        root.put("mode", r.mode().key());
        ArrayNode parameters = root.putArray("parameters");
        for (TuneParameter p : r.spec().parameters()) {
            ObjectNode parameter = parameters.addObject();
            parameter.put("key", p.path());
            parameter.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode values = parameter.putArray("values");
            p.levels().forEach(l -> values.add(l.label()));
        }
        ArrayNode objectives = root.putArray("objectives");
        r.spec().objectives().forEach(o -> objectives.add(objective(o)));
        ArrayNode constraints = root.putArray("constraints");
        for (Gate g : r.spec().constraints()) {
            ObjectNode c = constraints.addObject();
            c.put("metric", g.metric().key());
            c.put("comparison", g.operator().key());
            c.put("bound", g.bound());
            c.put("judgedOn", g.judgedOn().key());
            c.put("description", g.describe());
        }
        root.set("choose", objective(r.spec().choice()));
        root.set("precision", io.punchsim.reports.format.ReportJson.precision(r.precision()));
        r.budget().ifPresentOrElse(b -> root.put("budget", b), () -> root.putNull("budget"));
        ObjectNode summary = root.putObject("summary");
        summary.put("gridSize", r.gridSize());
        summary.put("evaluated", r.candidates().size());
        summary.put("runs", r.runs());
        summary.put("rounds", r.rounds());
        summary.put("stoppedBecause", r.stoppedBecause().key());
        summary.put("frontSize", r.front().size());
        ArrayNode front = root.putArray("front");
        r.front().forEach(front::add);
        ObjectNode choice = root.putObject("choice");
        if (r.choice().isPresent()) {
            choice.put("candidate", r.choice().get());
            ObjectNode values = choice.putObject("parameters");
            r.chosen().orElseThrow().parameters().forEach(values::put);
        } else {
            choice.putNull("candidate");
        }
        choice.put("reason", r.reason());
        ArrayNode candidates = root.putArray("candidates");
        for (TuneResult.Evaluated c : r.candidates()) {
            ObjectNode node = candidates.addObject();
            node.put("candidate", c.index());
            ObjectNode values = node.putObject("parameters");
            c.parameters().forEach(values::put);
            node.put("origin", c.origin());
            node.put("round", c.round());
            node.put("seeds", c.seeds());
            node.put("batches", r.precision().batches(c.seeds()));
            node.put("status", c.status().key());
            node.put("why", c.why());
            c.by().ifPresentOrElse(b -> node.put("outperformedBy", b), () -> node.putNull("outperformedBy"));
            node.put("feasible", c.feasible());
            node.put("onFront", r.front().contains(c.index()));
            node.put("digest", c.aggregate().digest().hex());
            ObjectNode metrics = node.putObject("metrics");
            for (Metric m : Metrics.all()) {
                Interval i = m.interval(c.aggregate());
                ObjectNode metric = metrics.putObject(m.key());
                put(metric, "value", i.estimate());
                put(metric, "lower95", i.lower());
                put(metric, "upper95", i.upper());
            }
        }
        WallClock w = r.wallClock();
        ObjectNode clock = root.putObject("wallClock");
        clock.put("durationSeconds", w.durationSeconds());
        clock.put("runsPerSecond", w.runsPerSecond());
        clock.put("threads", w.threads());
        clock.put("processors", w.processors());
        clock.put("jvm", w.jvm());
        clock.put("os", w.os());
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tune.json", e);
        }
    }

    private static ObjectNode objective(Objective o) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("metric", o.metric().key());
        node.put("direction", o.direction().key());
        return node;
    }

    private static void put(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(name, (long) value);
        } else {
            node.put(name, value);
        }
    }
}
