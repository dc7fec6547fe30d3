package io.punchsim.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.function.LongSupplier;

/**
 * What {@code --stream} sends to the punchsim command that started this JVM, on standard output:
 * one line per event, each {@link #PREFIX} and a JSON object. {@code runsExpected} is the job's
 * runs, or for a precision job a guess revised as points stop, for the progress bar. Any other line is not for the
 * command (it passes such lines on to its standard error).
 *
 * <pre>
 * punchsim-engine {"runsDone":40960,"runsExpected":1000000}
 * punchsim-engine {"result":{"partial":false,"runs":20000,"seconds":3.1,"cores":2,"points":[POINT, ...],"stops":[]}}
 * punchsim-engine {"error":"the run with seed 17 failed: ...","point":0,"seed":17,"cause":"java.lang...\n\tat ..."}
 * punchsim-engine {"error":"runs 0..2048 of the scenario: ..."}
 * punchsim-engine {"error":"Spark did not start on bogus://x: ...","badInput":true}
 * </pre>
 *
 * A POINT is the aggregate as a {@code report.json} point body ({@link AggregateJson}), in point
 * order; for a job run to a precision, {@code stops} says for each point where and why it stopped
 * ({@code {"seeds":6144,"batches":3,"reason":"precise"}}), and is empty otherwise. The stream ends with one {@code result} or one {@code error}. An error with a
 * {@code seed} is a run that threw (the pipeline's {@code RunFailedException}; {@code point} is its
 * place among the job's points, {@code cause} the executor's stack trace); {@code badInput} marks
 * an error in what the command was given (exit code 2); any other error is a job that failed. The command says
 * {@link #CANCEL} on this JVM's standard input to stop the job early; the result is then partial.
 * The command's reader ({@code SparkEngineProcess} in the cli module) is the other half of this
 * format; the end-to-end test runs both.
 */
final class EngineStream {
    static final String PREFIX = "punchsim-engine ";
    static final String CANCEL = "cancel";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PrintStream out;

    EngineStream(PrintStream out) {
        this.out = out;
    }

    /** Sends the runs done and expected a few times a second while they change, until interrupted. */
    Thread reportProgress(LongSupplier runsDone, LongSupplier runsExpected) {
        Thread thread = new Thread(() -> {
            long sent = -1;
            long sentExpected = -1;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    long now = runsDone.getAsLong();
                    long expected = runsExpected.getAsLong();
                    if (now != sent || expected != sentExpected) {
                        send(NODES.objectNode().put("runsDone", now).put("runsExpected", expected));
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

    void result(SparkSweep.Result result) {
        ObjectNode body = NODES.objectNode();
        body.put("partial", result.partial());
        body.put("runs", result.runs());
        body.put("seconds", result.seconds());
        body.put("cores", result.cores());
        ArrayNode points = body.putArray("points");
        for (PointAggregate point : result.points()) {
            points.add(AggregateJson.write(point));
        }
        ArrayNode stops = body.putArray("stops");
        for (PrecisionStop stop : result.stops()) {
            stops.addObject().put("seeds", stop.seeds()).put("batches", stop.batches()).put("reason", stop.reason().key());
        }
        ObjectNode event = NODES.objectNode();
        event.set("result", body);
        send(event);
    }

    /** The job failed: a run threw, or Spark gave up. */
    void error(String message) {
        send(NODES.objectNode().put("error", String.valueOf(message)));
    }

    /**
     * A run threw on an executor: the point (its place among the job's points), the seed, and the
     * exception it threw with its stack trace as the executor printed it.
     */
    void runFailed(int point, long seed, String message, Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        send(NODES.objectNode().put("error", String.valueOf(message)).put("point", point).put("seed", seed)
                .put("cause", trace.toString()));
    }

    /** Spark could not start with what it was given (a master URL it does not know, say). */
    void badInput(String message) {
        send(NODES.objectNode().put("error", String.valueOf(message)).put("badInput", true));
    }

    private synchronized void send(ObjectNode event) {
        try {
            out.println(PREFIX + JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
