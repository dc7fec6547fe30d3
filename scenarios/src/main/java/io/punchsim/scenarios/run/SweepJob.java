package io.punchsim.scenarios.run;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.sweep.Plan;
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
import java.util.OptionalLong;
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
 * <p>A job runs once. {@link #cancel} may be called from any thread (a signal handler, say); the
 * report then holds what finished and is marked partial.
 */
public final class SweepJob {

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
     * How a job runs: seeds per point (the file's {@code seeds} unless given), threads, and which
     * points. Results are the same for any number of threads.
     */
    public record Options(OptionalLong seeds, int threads, Points points) {
        /** Threads at most: far more than any machine's cores, few enough that a typo does not start a hundred thousand. */
        public static final int MAX_THREADS = 1024;

        public Options {
            if (seeds.isPresent() && (seeds.getAsLong() < 1 || seeds.getAsLong() > ScenarioLoader.MAX_SEEDS)) {
                throw new IllegalArgumentException("seeds must be within 1.." + ScenarioLoader.MAX_SEEDS + ", got " + seeds.getAsLong());
            }
            if (threads < 1 || threads > MAX_THREADS) {
                throw new IllegalArgumentException("threads must be within 1.." + MAX_THREADS + ", got " + threads);
            }
        }

        /** The file's seeds, every core (at most {@link #MAX_THREADS}), every point. */
        public static Options defaults() {
            return new Options(OptionalLong.empty(), Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), Points.all());
        }


        public Options withSeeds(long seeds) {
            return new Options(OptionalLong.of(seeds), threads, points);
        }

        public Options withThreads(int threads) {
            return new Options(seeds, threads, points);
        }

        public Options withPoints(Points points) {
            return new Options(seeds, threads, points);
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
    private final int threads;
    private final ScenarioIdentity identity;
    private final List<Gate> gates;
    private final SweepRunner runner;
    private final AtomicBoolean started = new AtomicBoolean();

    private SweepJob(LoadedScenario scenario, List<PreparedPoint> points, long seedsPerPoint, int threads) {
        this.scenario = scenario;
        this.points = List.copyOf(points);
        this.seedsPerPoint = seedsPerPoint;
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
        long seeds = options.seeds().orElse(chosen.base().seeds());
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
        return new SweepJob(chosen, Sweeps.prepare(chosen), seeds, options.threads());
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
        return new LoadedScenario(loaded.file(), loaded.base(), loaded.sweep(), List.of(point));
    }

    /** The scenario as this job runs it: only the chosen points. */
    public LoadedScenario scenario() {
        return scenario;
    }

    /** The points to run, prepared, in grid order. */
    public List<PreparedPoint> points() {
        return points;
    }

    public long seedsPerPoint() {
        return seedsPerPoint;
    }

    public int threads() {
        return threads;
    }

    /** Every run of the job: points times seeds per point (at most {@link #MAX_RUNS}). */
    public long totalRuns() {
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
        if (aggregates.size() > points.size()) {
            throw new IllegalArgumentException(aggregates.size() + " aggregates for " + points.size() + " points");
        }
        Map<Map<String, String>, PointAggregate> byPoint = new LinkedHashMap<>();
        for (int i = 0; i < aggregates.size(); i++) {
            byPoint.put(points.get(i).point().values(), aggregates.get(i));
        }
        return SweepReport.judge(identity, gates, byPoint, partial, wallClock, new Plan(points.size(), seedsPerPoint));
    }
}
