package io.punchsim.scenarios.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.reports.aggregate.AggregateJson;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.precision.PrecisionStop;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What an engine in a JVM of its own (the spark module's, started by {@code punchsim ... --engine
 * spark}) and the command that started it say to each other: one line per message, each
 * {@link #PREFIX} and a JSON object. Both halves are here, so the format has one place.
 *
 * <p>The engine sends on its standard output; any line without the prefix is not for the command
 * (it passes such lines on to its standard error):
 *
 * <pre>
 * punchsim-engine {"runsDone":40960,"runsExpected":1000000}
 * punchsim-engine {"result":{"partial":false,"runs":20000,"seconds":3.1,"cores":2,"points":[POINT, ...],"stops":[]}}
 * punchsim-engine {"batch":{"index":0,"aggregate":POINT}}
 * punchsim-engine {"round":{"complete":true,"cores":2,"batches":12}}
 * punchsim-engine {"error":"the run with seed 17 failed: ...","point":0,"seed":17,"cause":"java.lang...\n\tat ..."}
 * punchsim-engine {"error":"runs 0..2048 of the scenario: ..."}
 * punchsim-engine {"error":"Spark did not start on bogus://x: ...","badInput":true}
 * </pre>
 *
 * A POINT is an aggregate as a {@code report.json} point body ({@link AggregateJson}), which
 * carries every count and histogram exactly. {@code runsExpected} is a sweep's runs, for a
 * precision job a guess revised as points stop, and -1 when the engine cannot know (a tune: the
 * command's race knows). A sweep ends with one {@code result}: the points' aggregates in point
 * order and, for a job run to a precision, where and why each stopped
 * ({@code {"seeds":6144,"batches":3,"reason":"precise"}}). A tune's engine answers each round it is
 * asked for, once all of it is back, with one {@code batch} per batch (its place in the round and
 * its aggregate; a line each, so no line holds a whole round) and then one {@code round} that says
 * how many there were; a round that was cancelled is one {@code round} with
 * {@code "complete":false} and no batches. An {@code error} ends the stream: with a
 * {@code seed} it is a run that threw (the pipeline's {@code RunFailedException}; {@code point} is
 * the point's place among a sweep's points, or a tune's candidate number; {@code cause} is the
 * executor's stack trace); {@code badInput} marks an error in what the engine was given (exit code
 * 2); any other error is a job that failed.
 *
 * <p>The command sends on the engine's standard input: {@link #CANCEL} to stop early (the result or
 * the round is then partial), and for a tune the rounds to run:
 *
 * <pre>
 * punchsim-engine {"round":[{"point":12,"from":0,"to":1024}, ...]}
 * </pre>
 *
 * The end of its input tells a tune's engine that there are no more rounds (and, mid-round, to
 * cancel).
 */
public final class EngineStream {
    public static final String PREFIX = "punchsim-engine ";
    public static final String CANCEL = "cancel";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EngineStream() {}

    /** What the engine sends. */
    public sealed interface Event {}

    /** Runs done so far, and expected in all (-1: not known here). */
    public record Progress(long runsDone, long runsExpected) implements Event {}

    /** A sweep's end: its points' aggregates in point order and, for a precision job, their stops. */
    public record Result(boolean partial, long runs, double seconds, int cores, List<PointAggregate> points,
                         List<PrecisionStop> stops) implements Event {
        public Result {
            points = List.copyOf(points);
            stops = List.copyOf(stops);
        }
    }

    /** One batch of a tune's round: its place in the round as asked, and its aggregate. */
    public record Batch(int index, PointAggregate aggregate) implements Event {}

    /** The end of a tune's round: complete, after its {@code batches} batches; or cancelled, after none. */
    public record Round(boolean complete, int cores, int batches) implements Event {}

    /** The job failed: Spark gave up on it, or ({@code badInput}) it was given what it cannot run. */
    public record Failed(String message, boolean badInput) implements Event {}

    /** A run threw: its point (or candidate), its seed, and the executor's stack trace. */
    public record RunFailed(String message, int point, long seed, String cause) implements Event {}

    /** What the command sends. */
    public sealed interface Request {}

    /** Stop early. */
    public record Cancel() implements Request {}

    /** Runs {@code from} (inclusive) to {@code to} (exclusive) of a point, or of a tune's candidate. */
    public record Runs(int point, long from, long to) {
        public Runs {
            if (point < 0 || from < 0 || to <= from) {
                throw new IllegalArgumentException("point " + point + ", runs " + from + ".." + to);
            }
        }
    }

    /** A tune's next round: these runs, each batch's aggregate sent back in this order. */
    public record RoundRequest(List<Runs> batches) implements Request {
        public RoundRequest {
            batches = List.copyOf(batches);
        }
    }

    // ---- writing ----

    /** The line of an event or a request, prefix included, without the line end. */
    public static String line(Event event) {
        ObjectNode node = NODES.objectNode();
        if (event instanceof Progress p) {
            node.put("runsDone", p.runsDone()).put("runsExpected", p.runsExpected());
        } else if (event instanceof Result r) {
            ObjectNode body = node.putObject("result");
            body.put("partial", r.partial());
            body.put("runs", r.runs());
            body.put("seconds", r.seconds());
            body.put("cores", r.cores());
            aggregates(body.putArray("points"), r.points());
            ArrayNode stops = body.putArray("stops");
            for (PrecisionStop stop : r.stops()) {
                stops.addObject().put("seeds", stop.seeds()).put("batches", stop.batches()).put("reason", stop.reason().key());
            }
        } else if (event instanceof Batch b) {
            ObjectNode body = node.putObject("batch");
            body.put("index", b.index());
            body.set("aggregate", AggregateJson.write(b.aggregate()));
        } else if (event instanceof Round r) {
            node.putObject("round").put("complete", r.complete()).put("cores", r.cores()).put("batches", r.batches());
        } else if (event instanceof Failed f) {
            node.put("error", String.valueOf(f.message()));
            if (f.badInput()) {
                node.put("badInput", true);
            }
        } else if (event instanceof RunFailed f) {
            node.put("error", String.valueOf(f.message())).put("point", f.point()).put("seed", f.seed()).put("cause", f.cause());
        }
        return PREFIX + write(node);
    }

    public static String line(Request request) {
        if (request instanceof Cancel) {
            return CANCEL;
        }
        ObjectNode node = NODES.objectNode();
        ArrayNode batches = node.putArray("round");
        for (Runs runs : ((RoundRequest) request).batches()) {
            batches.addObject().put("point", runs.point()).put("from", runs.from()).put("to", runs.to());
        }
        return PREFIX + write(node);
    }

    /** An exception's stack trace as this JVM prints it, for {@link RunFailed#cause}. */
    public static String trace(Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static void aggregates(ArrayNode into, List<PointAggregate> aggregates) {
        for (PointAggregate aggregate : aggregates) {
            into.add(AggregateJson.write(aggregate));
        }
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading ----

    /**
     * The event a line of the engine's output holds, or empty for a line that is not for the command.
     *
     * @throws IllegalArgumentException for a line with the prefix that does not read as an event
     */
    public static Optional<Event> event(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        JsonNode node = read(line);
        if (node.has("runsDone")) {
            return Optional.of(new Progress(node.get("runsDone").asLong(), node.path("runsExpected").asLong(-1)));
        }
        if (node.has("result")) {
            JsonNode r = node.get("result");
            List<PrecisionStop> stops = new ArrayList<>();
            for (JsonNode stop : r.path("stops")) {
                stops.add(new PrecisionStop(stop.get("seeds").asLong(), stop.get("batches").asLong(),
                        PrecisionStop.Reason.parse(stop.get("reason").asText())));
            }
            return Optional.of(new Result(r.get("partial").asBoolean(), r.get("runs").asLong(), r.get("seconds").asDouble(),
                    r.get("cores").asInt(), aggregates(r.get("points")), stops));
        }
        if (node.has("round")) {
            JsonNode r = node.get("round");
            return Optional.of(new Round(r.get("complete").asBoolean(), r.path("cores").asInt(1), r.path("batches").asInt()));
        }
        if (node.has("batch")) {
            JsonNode b = node.get("batch");
            return Optional.of(new Batch(b.get("index").asInt(), AggregateJson.read(b.get("aggregate"))));
        }
        if (node.has("error")) {
            String message = node.get("error").asText();
            if (node.has("seed")) {
                return Optional.of(new RunFailed(message, node.get("point").asInt(), node.get("seed").asLong(),
                        node.path("cause").asText()));
            }
            return Optional.of(new Failed(message, node.path("badInput").asBoolean()));
        }
        throw new IllegalArgumentException("not an engine event: " + line);
    }

    /**
     * The request a line of the engine's input holds, or empty for a line that is none.
     *
     * @throws IllegalArgumentException for a line with the prefix that does not read as a request
     */
    public static Optional<Request> request(String line) {
        if (line.strip().equals(CANCEL)) {
            return Optional.of(new Cancel());
        }
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        JsonNode node = read(line);
        if (!node.path("round").isArray()) {
            throw new IllegalArgumentException("not an engine request: " + line);
        }
        List<Runs> batches = new ArrayList<>();
        for (JsonNode runs : node.get("round")) {
            batches.add(new Runs(runs.get("point").asInt(), runs.get("from").asLong(), runs.get("to").asLong()));
        }
        return Optional.of(new RoundRequest(batches));
    }

    private static List<PointAggregate> aggregates(JsonNode array) {
        List<PointAggregate> aggregates = new ArrayList<>();
        for (JsonNode point : array) {
            aggregates.add(AggregateJson.read(point));
        }
        return aggregates;
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line.substring(PREFIX.length()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an engine line that does not read: " + e.getOriginalMessage(), e);
        }
    }

    // ---- sending ----

    /** Sends events on a stream, one whole line at a time, whichever thread sends. */
    public static final class Sender {
        private final PrintStream out;

        public Sender(PrintStream out) {
            this.out = out;
        }

        public synchronized void send(Event event) {
            out.println(line(event));
            out.flush();
        }

        /** Sends the runs done and expected a few times a second while they change, until interrupted. */
        public Thread reportProgress(LongSupplier runsDone, LongSupplier runsExpected) {
            Thread thread = new Thread(() -> {
                long sent = -1;
                long sentExpected = -1;
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        long now = runsDone.getAsLong();
                        long expected = runsExpected.getAsLong();
                        if (now != sent || expected != sentExpected) {
                            send(new Progress(now, expected));
                            sent = now;
                            sentExpected = expected;
                        }
                        Thread.sleep(200);
                    }
                } catch (InterruptedException e) {
                    // The job is over.
                }
            }, "punchsim-progress");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }
    }
}
