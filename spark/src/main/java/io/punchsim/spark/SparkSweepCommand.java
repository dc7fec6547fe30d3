package io.punchsim.spark;

import io.punchsim.protocol.config.ValueException;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.format.ReportWriter;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.engine.EngineStream;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.PrecisionBinder;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.RunFailedException;
import io.punchsim.scenarios.run.SweepJob;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * The application {@code spark-submit} starts: a sweep of a scenario file on the cluster it was
 * given, its reports written to a directory on the driver. {@code punchsim sweep --engine spark}
 * starts it too, in a JVM of its own, with {@code --stream}: it then writes nothing but sends its
 * progress and its points' aggregates to the command on standard output (see {@link EngineStream}).
 * {@code punchsim tune --engine spark} starts it with {@code --stream --tune}: it then runs the
 * rounds of candidates' batches the command's race asks for on its standard input, and sends back
 * each round's aggregates.
 */
@Command(name = "punchsim-spark",
        description = "Runs every point of a scenario's sweep on Apache Spark, judges the gates and writes report.json, "
                + "report.md, report.html, junit.xml and report.csv: the report a sweep on one machine writes.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every gate passed", "  1  a gate failed", "  2  bad input or usage",
                "  4  a run threw inside the simulator (a bug): the message names its point and seed",
                "130  interrupted; what finished was written and marked partial", "",
                "Example (YARN, the reports written on the submitting machine):",
                "  spark-submit --master yarn --deploy-mode client \\",
                "    --class io.punchsim.spark.SparkSweepCommand spark/target/punchsim-spark.jar \\",
                "    scenarios/examples/fusion-default.yaml --out report"})
public final class SparkSweepCommand implements Callable<Integer> {
    /** The punchsim command's exit code for a run that threw. */
    static final int SIMULATOR_ERROR = 4;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(paramLabel = "FILE", description = "Scenario file (YAML), read on the driver.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory on the driver for the reports (created if missing).")
    Path out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], spark://HOST:PORT, yarn, k8s://HOST:PORT (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--seeds", paramLabel = "N", description = "Runs per sweep point, overriding the file's 'seeds'.")
    Long seeds;

    @Option(names = "--precision", paramLabel = "HALF-WIDTH",
            description = "Instead of a seed count: every rate to this 95% half-width (0.5% or 0.005), in the file's "
                    + "precision batches and cap (default 2048, 1000000).")
    String precision;

    @Option(names = "--point", paramLabel = "K", description = "Run sweep point K (1-based, in grid order) only.")
    Integer point;

    @Option(names = "--base", description = "Run the file's base scenario only, ignoring any sweep.")
    boolean base;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, as spark-submit's --conf.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--spark-log", paramLabel = "FILE",
            description = "With --master: Spark's whole log (INFO and up) into FILE (default: its warnings on standard "
                    + "error). Under spark-submit, the cluster's log4j2 settings decide.")
    Path sparkLog;

    @Option(names = "--stream", hidden = true, description = "Send progress and aggregates to the punchsim command on standard output.")
    boolean stream;

    @Option(names = "--tune", hidden = true,
            description = "With --stream: run the rounds of the file's tune that the punchsim command asks for on standard input.")
    boolean tune;

    private final PrintStream stdout;

    SparkSweepCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    public static void main(String[] args) {
        int exit = commandLine(System.out).execute(args);
        if (!ShutdownCancel.inProgress()) {
            System.exit(exit);
        }
    }

    static CommandLine commandLine(PrintStream stdout) {
        CommandLine cli = new CommandLine(new SparkSweepCommand(stdout));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BadInput) {
                commandLine.getErr().println("punchsim-spark: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    /** Bad input or usage: exit code 2 with the message alone. */
    static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInput(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public Integer call() throws IOException {
        if (out == null && !stream) {
            throw new BadInput("--out DIR is required: the reports are written there", null);
        }
        if (base && point != null) {
            throw new BadInput("--base and --point exclude each other", null);
        }
        if (seeds != null && seeds < 1) {
            throw new BadInput("--seeds must be at least 1, got " + seeds, null);
        }
        if (seeds != null && precision != null) {
            throw new BadInput("--seeds and --precision both say how many seeds to run; give one of them", null);
        }
        if (tune && (!stream || seeds != null || precision != null || point != null || base)) {
            throw new BadInput("--tune is for the punchsim command: with --stream, and no --seeds, --precision, --point or --base", null);
        }
        // Before any Spark class logs: when this command starts the context, the log is its own.
        if (master != null) {
            SparkLog.configure(sparkLog);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput(file + ": cannot read file: " + e.getMessage(), e);
        }
        if (tune) {
            TuneCandidates candidates = new TuneCandidates(file.toString(), text);
            try {
                if (candidates.load().tune().isEmpty()) {
                    throw new BadInput(file + ": there is no tune: section to tune", null);
                }
            } catch (ScenarioException e) {
                throw new BadInput(e.getMessage(), e);
            }
            return serveTune(candidates, sparkConf("punchsim tune"));
        }
        SweepJob.Options options = SweepJob.Options.defaults().withThreads(1)
                .withPoints(base ? SweepJob.Points.base() : point != null ? SweepJob.Points.only(point) : SweepJob.Points.all());
        if (seeds != null) {
            options = options.withSeeds(seeds);
        }
        if (precision != null) {
            try {
                options = options.withHalfWidth(PrecisionBinder.halfWidth(precision));
            } catch (ValueException e) {
                throw new BadInput("--precision: " + e.getMessage(), e);
            }
        }
        JobSpec spec = JobSpec.of(file.toString(), text, options);
        SweepJob job;
        try {
            LoadedScenario loaded = ScenarioLoader.load(file.toString(), text);
            job = SweepJob.prepare(loaded, options);
        } catch (ScenarioException | IllegalArgumentException e) {
            throw new BadInput(e.getMessage(), e);
        }
        SparkConf sparkConf = sparkConf("punchsim " + job.scenario().base().name());
        return stream ? streamTo(job, spec, sparkConf) : writeReports(job, spec, sparkConf);
    }

    /** The Spark settings of the command line, the defaults beside them. */
    private SparkConf sparkConf(String appName) {
        SparkConf sparkConf = new SparkConf();
        if (master != null) {
            sparkConf.setMaster(master);
        }
        sparkConf.setIfMissing("spark.master", "local[*]");
        sparkConf.setIfMissing("spark.app.name", appName);
        conf.forEach(sparkConf::set);
        try {
            SeedRanges.runsPerTask(1, 1, sparkConf.get(SeedRanges.RUNS_PER_TASK_SETTING, null));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage(), e);
        }
        // Executors on a cluster fetch this application from the driver; spark-submit sets it itself.
        if (!sparkConf.get("spark.master").startsWith("local") && !sparkConf.contains("spark.jars")) {
            applicationJar().ifPresent(jar -> sparkConf.set("spark.jars", jar.toString()));
        }
        return sparkConf;
    }

    private int writeReports(SweepJob job, JobSpec spec, SparkConf sparkConf) throws IOException {
        ShutdownCancel cancel = ShutdownCancel.install();
        try {
            SparkSweep.Result result;
            try (SparkEngine engine = start(sparkConf)) {
                cancel.attach(engine);
                result = SparkSweep.run(engine, job, spec);
            } catch (RunFailedException e) {
                System.err.println("punchsim-spark: " + e.getMessage());
                System.err.println("This is a bug in the simulator; what follows is for its report.");
                e.getCause().printStackTrace(System.err);
                return SIMULATOR_ERROR;
            }
            SweepReport report = SparkSweep.report(job, result);
            List<Path> written = ReportWriter.write(out, report);
            stdout.println(String.format(Locale.ROOT, "%s: %d point(s), %,d runs in %.1f s (%,.0f runs/s) on %d Spark cores",
                    report.scenario().name(), report.points().size(), report.totalRuns(), result.seconds(),
                    report.totalRuns() / Math.max(1e-9, result.seconds()), result.cores()));
            stdout.println("Reports written to " + out + " ("
                    + written.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")) + ")");
            if (report.partial()) {
                stdout.println(String.format(Locale.ROOT,
                        "Interrupted: %,d of %,d runs, %d of %d points in full; the reports hold what finished, marked partial.",
                        report.totalRuns(), report.plan().runs(), report.completePoints(), report.plan().points()));
                return 130;
            }
            if (!report.passed()) {
                stdout.println("Gates failed:");
                report.failures().forEach(f -> stdout.println("  " + f));
                return 1;
            }
            stdout.println("Every gate passed.");
            return 0;
        } finally {
            cancel.finished();
        }
    }

    private int streamTo(SweepJob job, JobSpec spec, SparkConf sparkConf) {
        EngineStream.Sender events = new EngineStream.Sender(stdout);
        ShutdownCancel cancel = ShutdownCancel.install();
        try {
            SparkSweep.Result result;
            try (SparkEngine engine = start(sparkConf)) {
                cancel.attach(engine);
                watchForCancel(engine, request -> { });
                AtomicLong expected = new AtomicLong(-1);
                Thread progress = events.reportProgress(engine::runsDone, expected::get);
                try {
                    result = SparkSweep.run(engine, job, spec, RangeRunner.SEEDS, expected::set);
                } finally {
                    progress.interrupt();
                }
            }
            events.send(new EngineStream.Result(result.partial(), result.runs(), result.seconds(), result.cores(), result.points(),
                    result.stops()));
            return 0;
        } catch (BadInput e) {
            events.send(new EngineStream.Failed(e.getMessage(), true));
            return 2;
        } catch (RunFailedException e) {
            events.send(new EngineStream.RunFailed(e.getMessage(), pointOf(job, e), e.seed(), EngineStream.trace(e.getCause())));
            return SIMULATOR_ERROR;
        } catch (RuntimeException e) {
            events.send(new EngineStream.Failed(e.getMessage(), false));
            return 1;
        } finally {
            cancel.finished();
        }
    }

    /**
     * A tune's engine: each round the command asks for on standard input run on Spark and its
     * aggregates sent back, until the input ends. A cancelled round is answered as such and ends
     * the engine: a cancelled Spark engine runs nothing more.
     */
    private int serveTune(TuneCandidates candidates, SparkConf sparkConf) {
        EngineStream.Sender events = new EngineStream.Sender(stdout);
        ShutdownCancel cancel = ShutdownCancel.install();
        try (SparkEngine engine = start(sparkConf)) {
            cancel.attach(engine);
            BlockingQueue<Optional<EngineStream.RoundRequest>> rounds = new LinkedBlockingQueue<>();
            watchForCancel(engine, rounds::add);
            SparkTuneEngine tuneEngine = new SparkTuneEngine(engine, candidates);
            Thread progress = events.reportProgress(tuneEngine::runsDone, () -> -1);
            try {
                while (true) {
                    Optional<EngineStream.RoundRequest> round = rounds.take();
                    if (round.isEmpty()) {
                        return 0;
                    }
                    List<SeedRange> batches = round.get().batches().stream()
                            .map(b -> new SeedRange(b.point(), b.from(), b.to())).toList();
                    Optional<List<PointAggregate>> aggregates;
                    try {
                        aggregates = tuneEngine.aggregates(batches);
                    } catch (RangeFailedException e) {
                        if (e.seed() >= 0 && e.getCause() != null && e.getCause().getCause() != null) {
                            events.send(new EngineStream.RunFailed(e.getCause().getMessage(), e.range().point(), e.seed(),
                                    EngineStream.trace(e.getCause().getCause())));
                            return SIMULATOR_ERROR;
                        }
                        throw e;
                    }
                    List<PointAggregate> back = aggregates.orElse(List.of());
                    for (int b = 0; b < back.size(); b++) {
                        events.send(new EngineStream.Batch(b, back.get(b)));
                    }
                    events.send(new EngineStream.Round(aggregates.isPresent(), engine.cores(), back.size()));
                    if (aggregates.isEmpty()) {
                        return 130;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            } finally {
                progress.interrupt();
            }
        } catch (BadInput e) {
            events.send(new EngineStream.Failed(e.getMessage(), true));
            return 2;
        } catch (RuntimeException e) {
            events.send(new EngineStream.Failed(e.getMessage(), false));
            return 1;
        } finally {
            cancel.finished();
        }
    }

    /** The jar this class was loaded from, when it was loaded from one: {@code punchsim-spark.jar}. */
    private static Optional<Path> applicationJar() {
        java.security.CodeSource source = SparkSweepCommand.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The place among the job's points of the point whose run failed. */
    private static int pointOf(SweepJob job, RunFailedException e) {
        for (int i = 0; i < job.points().size(); i++) {
            if (job.points().get(i).point() == e.point()) {
                return i;
            }
        }
        throw new IllegalStateException("a failed run of no point of the job", e);
    }

    /** Spark's start fails with SparkException, which is checked to Java but declared nowhere. */
    private static SparkEngine start(SparkConf sparkConf) {
        try {
            return SparkEngine.start(sparkConf);
        } catch (Exception e) {
            throw new BadInput("Spark did not start on " + sparkConf.get("spark.master", "?") + ": " + e.getMessage(), e);
        }
    }

    /**
     * The command that started this JVM says "cancel" on standard input, or goes away: both cancel.
     * A tune's rounds, read on the way, go to {@code rounds}; its end, as an empty one.
     */
    private static void watchForCancel(SparkEngine engine, java.util.function.Consumer<Optional<EngineStream.RoundRequest>> rounds) {
        Thread watcher = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Optional<EngineStream.Request> request = EngineStream.request(line);
                    if (request.isPresent() && request.get() instanceof EngineStream.Cancel) {
                        break;
                    }
                    if (request.isPresent() && request.get() instanceof EngineStream.RoundRequest round) {
                        rounds.accept(Optional.of(round));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // No more input, or input that does not read, is the same as being told to stop.
            }
            engine.cancel();
            rounds.accept(Optional.empty());
        }, "punchsim-cancel");
        watcher.setDaemon(true);
        watcher.start();
    }
}
