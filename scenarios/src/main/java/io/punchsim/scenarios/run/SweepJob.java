package io.punchsim.scenarios.run;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.sweep.Plan;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.precision.PrecisionStop;
import io.punchsim.reports.sweep.ScenarioIdentity;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one way from a loaded scenario to a judged report: prepare every point (so bad input fails
 * before the first run), run every seed of every point, aggregate, judge the gates.
 *
 * <pre>{@code
 * SweepReport report = SweepJob.prepare(ScenarioLoader.load(file), SweepJob.Options.defaults()).run();
 * }</pre>
 *
 * <p>The steps are also open one by one, for an engine that spreads the runs over other machines:
 * {@link #points()} and {@link #seedsPerPoint()} say what there is to run, {@link #runSeeds} runs
 * any range of a point's runs into an aggregate, aggregates of disjoint ranges {@linkplain
 * PointAggregate#merge merge} exactly, and {@link #judge} turns the merged aggregates into the
 * report. Whatever the split, the report (digest included) is the one {@link #run} gives.
 *
 * <p>A point may run to a {@link Precision} instead of a seed count (the file's {@code precision:}
 * section, or {@link Options#withPrecision}): it runs whole batches of seeds in seed order until
 * its stopping rule, which sees only whole batches, says it is precise enough or at its cap. An
 * engine elsewhere does the same with {@link #runSeeds} batch by batch, merging in order and asking
 * {@link Precision#stop} after each, and hands the stops to {@link #judge(List, List, boolean,
 * WallClock)}.
 *
 * <p>A job runs once. {@link #cancel} may be called from any thread (a signal handler, say); the
 * report then holds what finished and is marked partial.
 */
public final class SweepJob {

    /**
     * Runs a thread takes at a time ({@code SweepRunner}'s chunk): an engine that splits seeds
     * across machines splits them in whole chunks.
     */
    public static final int CHUNK = SweepRunner.CHUNK;

    /** Which points of the file a job runs. */
    public sealed interface Points {
        /** Every point of the grid; a file without a sweep has one, the base. */
        static Points all() {
            return new All();
        }

        /** The file's base scenario alone, ignoring any sweep. */
        static Points base() {
            return new Base();
        }

        /** The grid's point {@code number}, counted from 1 in grid order. */
        static Points only(int number) {
            return new Only(number);
        }

        record All() implements Points {}

        record Base() implements Points {}

        record Only(int number) implements Points {}
    }

    /**
     * How many seeds each point runs: the file's own rule (its {@code precision:} section, or else
     * its {@code seeds}), a fixed count, or a precision.
     */
    public sealed interface Length {
        /** The file's {@code precision:} section if it has one, its {@code seeds} otherwise. */
        record FromFile() implements Length {}

        /** Exactly this many seeds, whatever the file says. */
        record Seeds(long seeds) implements Length {
            public Seeds {
                if (seeds < 1) {
                    throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
                }
            }
        }

        /** To this precision, whatever the file says. */
        record ToPrecision(Precision precision) implements Length {}

        /**
         * Every rate metric to this 95% half-width, in the batches and within the cap of the file's
         * {@code precision:} section, or the defaults (2048 seeds, at most 1,000,000) without one.
         */
        record ToHalfWidth(double halfWidth) implements Length {}
    }

    /**
     * How a job runs: seeds per point (the file's rule unless given), threads, and which points.
     * Results are the same for any number of threads.
     */
    public record Options(Length length, int threads, Points points) {
        /** Threads at most: far more than any machine's cores, few enough that a typo does not start a hundred thousand. */
        public static final int MAX_THREADS = 1024;

        public Options {
            if (length == null || points == null) {
                throw new IllegalArgumentException("length and points must be given");
            }
            if (length instanceof Length.Seeds fixed && fixed.seeds() > ScenarioLoader.MAX_SEEDS) {
                throw new IllegalArgumentException("seeds must be within 1.." + ScenarioLoader.MAX_SEEDS + ", got " + fixed.seeds());
            }
            if (threads < 1 || threads > MAX_THREADS) {
                throw new IllegalArgumentException("threads must be within 1.." + MAX_THREADS + ", got " + threads);
            }
        }

        /** The file's seeds (or precision), every core (at most {@link #MAX_THREADS}), every point. */
        public static Options defaults() {
            return new Options(new Length.FromFile(), Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), Points.all());
        }

        /** Exactly {@code seeds} seeds per point, even when the file asks for a precision. */
        public Options withSeeds(long seeds) {
            return new Options(new Length.Seeds(seeds), threads, points);
        }

        /** Every point to this precision, whatever the file says. */
        public Options withPrecision(Precision precision) {
            return new Options(new Length.ToPrecision(precision), threads, points);
        }

        /** Every rate metric to this half-width, as {@code --precision} asks; see {@link Length.ToHalfWidth}. */
        public Options withHalfWidth(double halfWidth) {
            return new Options(new Length.ToHalfWidth(halfWidth), threads, points);
        }

        public Options withThreads(int threads) {
            return new Options(length, threads, points);
        }

        public Options withPoints(Points points) {
            return new Options(length, threads, points);
        }
    }

    /**
     * Runs (points times seeds) at most in one job: some weeks of a large machine. The grid and the
     * seeds have their own limits ({@link ScenarioLoader#MAX_POINTS}, {@link ScenarioLoader#MAX_SEEDS}).
     */
    public static final long MAX_RUNS = 1_000_000_000_000L;

    private final LoadedScenario scenario;
    private final List<PreparedPoint> points;
    private final long seedsPerPoint;
    private final Optional<Precision> precision;
    private final int threads;
    private final ScenarioIdentity identity;
    private final List<Gate> gates;
    private final SweepRunner runner;
    private final AtomicBoolean started = new AtomicBoolean();

    private SweepJob(LoadedScenario scenario, List<PreparedPoint> points, long seedsPerPoint, Optional<Precision> precision,
                     int threads) {
        this.scenario = scenario;
        this.points = List.copyOf(points);
        this.seedsPerPoint = seedsPerPoint;
        this.precision = precision;
        this.threads = threads;
        this.identity = Sweeps.identity(scenario);
        this.gates = Sweeps.gates(scenario);
        this.runner = new SweepRunner(threads);
    }

    /** A job over every point of the file, with the file's seeds, on every core. */
    public static SweepJob prepare(LoadedScenario loaded) {
        return prepare(loaded, Options.defaults());
    }

    /**
     * Chooses the points and prepares each of them, so that nothing runs unless every point can.
     *
     * @throws IllegalArgumentException naming the file (and the sweep point) of what cannot run
     */
    public static SweepJob prepare(LoadedScenario loaded, Options options) {
        LoadedScenario chosen = choose(loaded, options.points());
        Optional<Precision> precision = precision(loaded, options.length());
        long seeds = options.length() instanceof Length.Seeds fixed ? fixed.seeds()
                : precision.map(Precision::maxSeeds).orElse((long) chosen.base().seeds());
        long runs;
        try {
            runs = Math.multiplyExact(seeds, chosen.points().size());
        } catch (ArithmeticException overflow) {
            runs = Long.MAX_VALUE;
        }
        if (runs > MAX_RUNS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: %,d points x %,d seeds = %,d runs; at most %,d runs are allowed in one job", loaded.file(),
                    chosen.points().size(), seeds, BigInteger.valueOf(seeds).multiply(BigInteger.valueOf(chosen.points().size())),
                    MAX_RUNS));
        }
        return new SweepJob(chosen, Sweeps.prepare(chosen), seeds, precision, options.threads());
    }
    /** The precision a job runs to, if any, by the rule of {@link Length}. */
    static Optional<Precision> precision(LoadedScenario loaded, Length length) {
        if (length instanceof Length.Seeds) {
            return Optional.empty();
        }
        if (length instanceof Length.ToPrecision to) {
            return Optional.of(to.precision());
        }
        if (length instanceof Length.ToHalfWidth to) {
            Precision file = loaded.precision().orElseGet(() -> new Precision(to.halfWidth(), Precision.defaultMetrics(),
                    Precision.DEFAULT_BATCH, Precision.DEFAULT_MAX_SEEDS));
            return Optional.of(file.everyRate(to.halfWidth()));
        }
        return loaded.precision();
    }

    private static LoadedScenario choose(LoadedScenario loaded, Points points) {
        if (points instanceof Points.All) {
            return loaded;
        }
        SweepPoint point = new SweepPoint(0, Map.of(), loaded.base());
        if (points instanceof Points.Only only) {
            int size = loaded.points().size();
            if (only.number() < 1 || only.number() > size) {
                throw new IllegalArgumentException(loaded.file() + ": there is no sweep point " + only.number()
                        + "; the points are 1.." + size);
            }
            point = loaded.points().get(only.number() - 1);
        }
        return new LoadedScenario(loaded.file(), loaded.base(), loaded.sweep(), List.of(point), loaded.precision(), loaded.tune());
    }

    /** The scenario as this job runs it: only the chosen points. */
    public LoadedScenario scenario() {
        return scenario;
    }

    /** The points to run, prepared, in grid order. */
    public List<PreparedPoint> points() {
        return points;
    }

    /** Seeds each point runs; with a {@link #precision}, the most it may run (its max-seeds). */
    public long seedsPerPoint() {
        return seedsPerPoint;
    }

    /** The precision every point runs to, or empty when each runs {@link #seedsPerPoint} seeds. */
    public Optional<Precision> precision() {
        return precision;
    }

    public int threads() {
        return threads;
    }

    /**
     * Every run of the job: points times seeds per point. With a precision it is not known before
     * the points stop: then it is a guess from each point's results so far, for a progress bar.
     */
    public long totalRuns() {
        if (precision.isPresent()) {
            long projected = runner.projectedRuns();
            return projected >= 0 ? projected : points.size() * precision.get().batchEnd(0);
        }
        return Math.multiplyExact(seedsPerPoint, points.size());
    }

    /** Runs finished so far by {@link #run}, for a progress bar; any thread may ask. */
    public long runsDone() {
        return runner.runsDone();
    }

    /**
     * Runs each thread of {@link #run} has finished so far, by thread (0 = the first started): the
     * sum is {@link #runsDone}; how it splits depends on scheduling, never the report.
     */
    public long[] runsByThread() {
        return runner.runsByThread();
    }

    /** Asks {@link #run} to stop after the runs in flight; it then returns a partial report. */
    public void cancel() {
        runner.cancel();
    }

    /**
     * Runs every seed of every point on {@link #threads} threads and judges the gates.
     *
     * @throws IllegalStateException if the job has run before
     * @throws RunFailedException if a run fails, naming its point and seed
     */
    public SweepReport run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a sweep job runs once; prepare another");
        }
        if (precision.isPresent()) {
            SweepRunner.PrecisionResult result = runner.runToPrecision(points, precision.get());
            return judge(result.points(), result.stops(), result.partial(),
                    WallClock.ofThisMachine(result.seconds(), result.runs(), threads));
        }
        SweepRunner.Result result = runner.run(points, seedsPerPoint);
        return judge(result.points(), result.partial(),
                WallClock.ofThisMachine(result.seconds(), result.runs(), threads));
    }

    /**
     * Runs {@code from} (inclusive) to {@code to} (exclusive) of point {@code point} (an index
     * into {@link #points()}) on the calling thread; run {@code i} uses seed {@code root-seed + i}.
     * Merged, the aggregates of ranges that cover {@code 0..seedsPerPoint()} once are the point's.
     */
    public PointAggregate runSeeds(int point, long from, long to) {
        if (from < 0 || to < from || to > seedsPerPoint) {
            throw new IllegalArgumentException("runs " + from + ".." + to + " are not within 0.." + seedsPerPoint);
        }
        PointAggregate aggregate = new PointAggregate();
        points.get(point).runInto(aggregate, from, to);
        return aggregate;
    }

    /**
     * The report of aggregates in point order: {@code aggregates.get(i)} holds the runs of point
     * {@code i}. A partial report may hold fewer points than the job; the wall clock says how the
     * runs were made and is kept apart from everything reproducible.
     */
    public SweepReport judge(List<PointAggregate> aggregates, boolean partial, WallClock wallClock) {
        if (precision.isPresent()) {
            throw new IllegalStateException("a precision job's report says where each point stopped: judge(aggregates, stops, ...)");
        }
        return SweepReport.judge(identity, gates, byPoint(aggregates), partial, wallClock, plan());
    }

    /** What the job sets out to run: its points, each at most {@link #seedsPerPoint} runs. */
    private Plan plan() {
        return new Plan(points.size(), seedsPerPoint);
    }

    /**
     * The report of a precision job: {@code aggregates.get(i)} holds the whole batches point
     * {@code i} ran, and {@code stops.get(i)} says where and why it stopped.
     */
    public SweepReport judge(List<PointAggregate> aggregates, List<PrecisionStop> stops, boolean partial, WallClock wallClock) {
        if (precision.isEmpty()) {
            throw new IllegalStateException("a job with a fixed seed count has no stops: judge(aggregates, partial, wallClock)");
        }
        return SweepReport.judge(identity, gates, byPoint(aggregates), precision.get(), stops, partial, wallClock, plan());
    }

    private Map<Map<String, String>, PointAggregate> byPoint(List<PointAggregate> aggregates) {
        if (aggregates.size() > points.size()) {
            throw new IllegalArgumentException(aggregates.size() + " aggregates for " + points.size() + " points");
        }
        Map<Map<String, String>, PointAggregate> byPoint = new LinkedHashMap<>();
        for (int i = 0; i < aggregates.size(); i++) {
            byPoint.put(points.get(i).point().values(), aggregates.get(i));
        }
        return byPoint;
    }
}
