package io.punchsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.punchsim.reports.aggregate.AggregateJson;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.precision.PrecisionStop;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.run.RunFailedException;
import io.punchsim.scenarios.run.SweepJob;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --engine spark}: the runs are made by the spark module's application
 * ({@code io.punchsim.spark.SparkSweepCommand}) in a JVM of its own, so that Spark never enters
 * this command's jar. That JVM is the Spark driver (and, on {@code local[N]}, the executors too); it
 * sends its progress and, at the end, every point's aggregate on its standard output, in the
 * format its {@code EngineStream} documents; this side judges them with the job, as a sweep on this
 * machine is judged, so the reports, the summary and the exit code come from the same code.
 *
 * <p>The application's class path is {@code PUNCHSIM_SPARK_CLASSPATH} when set (the
 * {@code ./punchsim} launcher sets it), else {@code spark/target/punchsim-spark.jar} and the Spark
 * jars listed in {@code spark/target/spark-classpath.txt}, found beside this command's jar in a
 * source checkout. Its JVM gets this JVM's options; Spark's warnings go to standard error, and its
 * whole log to a file when the JVM option {@code -Dpunchsim.spark.log=FILE} asks for one.
 */
final class SparkEngineProcess implements JobEngine {
    static final String CLASSPATH_VARIABLE = "PUNCHSIM_SPARK_CLASSPATH";
    private static final String MAIN = "io.punchsim.spark.SparkSweepCommand";
    private static final String PREFIX = "punchsim-engine ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SweepJob job;
    private final String master;
    private final List<String> command;
    private final AtomicLong runsDone = new AtomicLong();
    private final AtomicLong runsExpected = new AtomicLong(-1);
    private final Object stdinLock = new Object();
    private volatile boolean cancelled;
    private OutputStream stdin;

    private SparkEngineProcess(SweepJob job, String master, List<String> command) {
        this.job = job;
        this.master = master;
        this.command = command;
    }

    static SparkEngineProcess start(SweepJob job, Path file, SweepJob.Options options, String master) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // Debugging and instrumentation options listen on ports of this JVM's; a second JVM would clash.
            if (!option.startsWith("-agentlib:") && !option.startsWith("-javaagent:") && !option.startsWith("-Xrunjdwp")) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(classPath());
        command.add(MAIN);
        command.add(file.toString());
        command.add("--stream");
        command.add("--master");
        command.add(master);
        if (options.length() instanceof SweepJob.Length.Seeds fixed) {
            command.add("--seeds");
            command.add(Long.toString(fixed.seeds()));
        } else if (options.length() instanceof SweepJob.Length.ToHalfWidth to) {
            command.add("--precision");
            // Digits that read back as the same double, and no exponent a rate could not be written with.
            command.add(new java.math.BigDecimal(Double.toString(to.halfWidth())).toPlainString());
        }
        if (options.points() instanceof SweepJob.Points.Base) {
            command.add("--base");
        } else if (options.points() instanceof SweepJob.Points.Only only) {
            command.add("--point");
            command.add(Integer.toString(only.number()));
        }
        return new SparkEngineProcess(job, master, command);
    }

    private static String classPath() {
        String given = System.getenv(CLASSPATH_VARIABLE);
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path sparkTarget = checkoutRoot().resolve("spark").resolve("target");
        Path jar = sparkTarget.resolve("punchsim-spark.jar");
        Path libraries = sparkTarget.resolve("spark-classpath.txt");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(libraries)) {
            throw new BadInputException("--engine spark needs the spark module's application, " + jar
                    + ", and its class path, " + libraries + ": build them with"
                    + " ./mvnw -q -B -DskipTests -pl cli,spark -am package (./punchsim does when given --engine spark),"
                    + " or set " + CLASSPATH_VARIABLE);
        }
        try {
            return jar + File.pathSeparator + Files.readString(libraries, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout this command's jar was built in: the jar is {@code cli/target/punchsim.jar}. */
    private static Path checkoutRoot() {
        try {
            Path jar = Path.of(SparkEngineProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() == null || jar.getParent().getParent() == null ? null : jar.getParent().getParent().getParent();
            return root == null ? Path.of(".") : root;
        } catch (URISyntaxException e) {
            return Path.of(".");
        }
    }

    @Override
    public SweepReport run() {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            // Embedded, Spark needs no network: loopback only, and no warning about the host's name.
            if (master.startsWith("local") && System.getenv("SPARK_LOCAL_IP") == null) {
                builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            }
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the Spark engine (" + command.get(0) + "): " + e.getMessage(), e);
        }
        synchronized (stdinLock) {
            stdin = process.getOutputStream();
            if (cancelled) {
                sendCancel();
            }
        }
        JsonNode result = null;
        String error = null;
        boolean badInput = false;
        JsonNode failedRun = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith(PREFIX)) {
                    System.err.println(line);
                    continue;
                }
                JsonNode event = JSON.readTree(line.substring(PREFIX.length()));
                if (event.has("runsDone")) {
                    runsDone.set(event.get("runsDone").asLong());
                    runsExpected.set(event.path("runsExpected").asLong(-1));
                } else if (event.has("result")) {
                    result = event.get("result");
                } else if (event.has("error")) {
                    error = event.get("error").asText();
                    badInput = event.path("badInput").asBoolean();
                    failedRun = event.has("seed") ? event : null;
                }
            }
            process.waitFor();
        } catch (IOException e) {
            process.destroy();
            throw new UncheckedIOException("lost the Spark engine's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IllegalStateException("interrupted while the Spark engine ran", e);
        } finally {
            synchronized (stdinLock) {
                closeQuietly(stdin);
                stdin = null;
            }
        }
        if (failedRun != null) {
            throw new RunFailedException(job.points().get(failedRun.get("point").asInt()).point(), failedRun.get("seed").asLong(),
                    new ExecutorFailure(failedRun.path("cause").asText()));
        }
        if (error != null) {
            throw badInput ? new BadInputException(error) : new IllegalStateException(error);
        }
        if (result == null) {
            throw new IllegalStateException("the Spark engine stopped (exit code " + process.exitValue()
                    + ") before it sent its result; its messages are above (for Spark's whole log, run with"
                    + " PUNCHSIM_JAVA_OPTS=-Dpunchsim.spark.log=FILE)");
        }
        List<PointAggregate> points = new ArrayList<>();
        for (JsonNode point : result.get("points")) {
            points.add(AggregateJson.read(point));
        }
        long runs = result.get("runs").asLong();
        runsDone.set(runs);
        WallClock wallClock = WallClock.ofThisMachine(result.get("seconds").asDouble(), runs, result.get("cores").asInt());
        boolean partial = result.get("partial").asBoolean();
        if (job.precision().isEmpty()) {
            return job.judge(points, partial, wallClock);
        }
        List<PrecisionStop> stops = new ArrayList<>();
        for (JsonNode stop : result.get("stops")) {
            stops.add(new PrecisionStop(stop.get("seeds").asLong(), stop.get("batches").asLong(),
                    PrecisionStop.Reason.parse(stop.get("reason").asText())));
        }
        return job.judge(points, stops, partial, wallClock);
    }

    @Override
    public long runsDone() {
        return runsDone.get();
    }

    /** The engine's count, once it has sent one: for a precision job, its guess as points stop. */
    @Override
    public long totalRuns() {
        long expected = runsExpected.get();
        return expected > 0 ? expected : job.totalRuns();
    }

    @Override
    public void cancel() {
        synchronized (stdinLock) {
            cancelled = true;
            if (stdin != null) {
                sendCancel();
            }
        }
    }

    private void sendCancel() {
        try {
            stdin.write("cancel\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            // The engine has gone already; what it sent is all there is.
        }
    }

    /** What a run threw on an executor, as its stack trace was printed there. */
    static final class ExecutorFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String trace;

        ExecutorFailure(String trace) {
            super(trace.lines().findFirst().orElse("?"), null, false, false);
            this.trace = trace;
        }

        /** The exception's first line, as the executor's {@code toString} gave it. */
        @Override
        public String toString() {
            return getMessage();
        }

        @Override
        public void printStackTrace(PrintStream out) {
            out.print(trace);
        }

        @Override
        public void printStackTrace(PrintWriter out) {
            out.print(trace);
        }
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException e) {
            // Nothing more to say to it.
        }
    }
}
