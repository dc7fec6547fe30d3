package io.punchsim.cli;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.engine.EngineStream;
import io.punchsim.scenarios.run.RunFailedException;
import io.punchsim.scenarios.run.SweepJob;
import io.punchsim.scenarios.sweep.SweepPoint;
import io.punchsim.scenarios.tune.TuneEngine;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * {@code --engine spark}: the runs are made by the spark module's application
 * ({@code io.punchsim.spark.SparkSweepCommand}) in a JVM of its own, so that Spark never enters
 * this command's jar. That JVM is the Spark driver (and, on {@code local[N]}, the executors too); it
 * sends its progress and, at the end, every point's aggregate on its standard output, in the
 * format {@link EngineStream} documents; this side judges them with the job, as a sweep on this
 * machine is judged, so the reports, the summary and the exit code come from the same code. For a
 * tune ({@link #tune}) the race runs here and that JVM runs its rounds: this side sends each round's
 * batches on its standard input and merges the aggregates it sends back.
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
    /** Made up front: a signal's shutdown hook sends it, and should load no class then. */
    private static final byte[] CANCEL_LINE = (EngineStream.line(new EngineStream.Cancel()) + "\n").getBytes(StandardCharsets.UTF_8);

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

    /** The Spark JVM's command line: this JVM's options, the application's class path, the file and the master. */
    private static List<String> command(Path file, String master) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // Debugging and instrumentation options listen on ports of this JVM's; a second JVM would clash.
            // The class archive is the command-line jar's, of no use on the Spark application's class path.
            if (!option.startsWith("-agentlib:") && !option.startsWith("-javaagent:") && !option.startsWith("-Xrunjdwp")
                    && !option.startsWith("-XX:SharedArchiveFile=")) {
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
        return command;
    }

    /** Starts the Spark JVM; standard error is this JVM's. */
    private static Process startProcess(List<String> command, String master) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            // Embedded, Spark needs no network: loopback only, and no warning about the host's name.
            if (master.startsWith("local") && System.getenv("SPARK_LOCAL_IP") == null) {
                builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            }
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the Spark engine (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    static SparkEngineProcess start(SweepJob job, Path file, SweepJob.Options options, String master) {
        List<String> command = command(file, master);
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
        Process process = startProcess(command, master);
        synchronized (stdinLock) {
            stdin = process.getOutputStream();
            if (cancelled) {
                sendCancel(stdin);
            }
        }
        EngineStream.Result result = null;
        RuntimeException failure = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            EngineStream.Event event;
            while ((event = nextEvent(lines)) != null) {
                if (event instanceof EngineStream.Progress progress) {
                    runsDone.set(progress.runsDone());
                    runsExpected.set(progress.runsExpected());
                } else if (event instanceof EngineStream.Result r) {
                    result = r;
                } else {
                    failure = failure(event, point -> job.points().get(point).point());
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
        if (failure != null) {
            throw failure;
        }
        if (result == null) {
            throw ended(process.exitValue());
        }
        runsDone.set(result.runs());
        WallClock wallClock = WallClock.ofThisMachine(result.seconds(), result.runs(), result.cores());
        if (job.precision().isEmpty()) {
            return job.judge(result.points(), result.partial(), wallClock);
        }
        return job.judge(result.points(), result.stops(), result.partial(), wallClock);
    }

    /**
     * The next event the engine sends, or null at the end of its output. Its other lines are Spark's
     * own messages, passed on to standard error as they come.
     */
    private static EngineStream.Event nextEvent(BufferedReader lines) throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            Optional<EngineStream.Event> event = EngineStream.event(line);
            if (event.isPresent()) {
                return event.get();
            }
            System.err.println(line);
        }
        return null;
    }

    /**
     * The exception of an event that ends the stream: a run that threw (its point found by
     * {@code points}) is the pipeline's own, bad input is exit code 2, anything else a failed job.
     */
    private static RuntimeException failure(EngineStream.Event event, IntFunction<SweepPoint> points) {
        if (event instanceof EngineStream.RunFailed run) {
            return new RunFailedException(points.apply(run.point()), run.seed(), new ExecutorFailure(run.cause()));
        }
        if (event instanceof EngineStream.Failed failed) {
            return failed.badInput() ? new BadInputException(failed.message()) : new IllegalStateException(failed.message());
        }
        return new IllegalStateException("the Spark engine sent what it was not asked for: " + EngineStream.line(event));
    }

    private static IllegalStateException ended(int exitCode) {
        return new IllegalStateException("the Spark engine stopped (exit code " + exitCode
                + ") before it sent its result; its messages are above (for Spark's whole log, run with"
                + " PUNCHSIM_JAVA_OPTS=-Dpunchsim.spark.log=FILE)");
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
                sendCancel(stdin);
            }
        }
    }

    private static void sendCancel(OutputStream stdin) {
        try {
            stdin.write(CANCEL_LINE);
            stdin.flush();
        } catch (IOException e) {
            // The engine has gone already; what it sent is all there is.
        }
    }

    /**
     * A tune's engine in a Spark JVM of its own on {@code master}, started now: the race stays in
     * this JVM, each round goes to that one as its batches, and comes back as their aggregates. A
     * cancelled round comes back empty (a round counts whole on Spark); closing the engine ends the JVM.
     */
    static TuneEngine tune(Path file, String master) {
        List<String> command = command(file, master);
        command.add("--tune");
        return new TuneProcess(startProcess(command, master));
    }

    private static final class TuneProcess implements TuneEngine {
        private static final long EXIT_SECONDS = 60;

        private final Process process;
        private final BufferedReader lines;
        private final AtomicLong runsDone = new AtomicLong();
        private final Object stdinLock = new Object();
        private volatile int cores = 1;
        private volatile boolean cancelled;
        private OutputStream stdin;

        TuneProcess(Process process) {
            this.process = process;
            this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.stdin = process.getOutputStream();
        }

        @Override
        public boolean run(List<Batch> round) {
            List<EngineStream.Runs> batches = new ArrayList<>();
            Map<Integer, Batch> byCandidate = new HashMap<>();
            for (Batch batch : round) {
                if (batch.runs() > 0) {
                    batches.add(new EngineStream.Runs(batch.candidate(), batch.from(), batch.to()));
                    byCandidate.put(batch.candidate(), batch);
                }
            }
            synchronized (stdinLock) {
                // Cancelled, the Spark JVM may be gone (a signal reaches both): no round is a cut round.
                if (stdin == null || cancelled) {
                    return false;
                }
                try {
                    stdin.write((EngineStream.line(new EngineStream.RoundRequest(batches)) + "\n").getBytes(StandardCharsets.UTF_8));
                    stdin.flush();
                } catch (IOException e) {
                    // It has gone: what it said on the way out is read below.
                }
            }
            // Merged only once the whole round is back: a round counts whole or not at all.
            PointAggregate[] back = new PointAggregate[batches.size()];
            try {
                EngineStream.Event event;
                while ((event = nextEvent(lines)) != null) {
                    if (event instanceof EngineStream.Progress progress) {
                        runsDone.set(progress.runsDone());
                    } else if (event instanceof EngineStream.Batch batch && batch.index() >= 0 && batch.index() < back.length) {
                        back[batch.index()] = batch.aggregate();
                    } else if (event instanceof EngineStream.Round answer) {
                        cores = answer.cores();
                        if (!answer.complete()) {
                            return false;
                        }
                        if (answer.batches() != back.length || Arrays.asList(back).contains(null)) {
                            throw new IllegalStateException("the Spark engine sent a round of " + answer.batches() + " batches for "
                                    + back.length + " asked");
                        }
                        for (int b = 0; b < back.length; b++) {
                            byCandidate.get(batches.get(b).point()).into().merge(back[b]);
                        }
                        return true;
                    } else {
                        throw failure(event, candidate -> byCandidate.get(candidate).point().point());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("lost the Spark engine's output: " + e.getMessage(), e);
            }
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (cancelled) {
                return false;
            }
            throw ended(exit);
        }

        @Override
        public long runsDone() {
            return runsDone.get();
        }

        @Override
        public int threads() {
            return cores;
        }

        @Override
        public void cancel() {
            synchronized (stdinLock) {
                cancelled = true;
                if (stdin != null) {
                    sendCancel(stdin);
                }
            }
        }

        /** The end of its input tells the Spark JVM there are no more rounds; what it still says is passed on. */
        @Override
        public void close() {
            synchronized (stdinLock) {
                closeQuietly(stdin);
                stdin = null;
            }
            try {
                while (nextEvent(lines) != null) {
                    // No round is asked for any more: only Spark's messages matter now.
                }
                if (!process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroy();
                }
            } catch (IOException e) {
                process.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
            }
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
