package io.punchsim.spark;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.precision.PrecisionStop;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.run.RunFailedException;
import io.punchsim.scenarios.run.SweepJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.ObjIntConsumer;

/**
 * A sweep job's every run on a {@link SparkEngine}: the runs cut into seed ranges
 * ({@link SeedRanges}), each range's aggregate merged into its point's as it comes back, and the
 * points judged by the job, as {@link SweepJob#run} does on one machine. The report is the one
 * {@code SweepJob.run} gives, digest included, apart from the wall clock.
 *
 * <p>A job that runs to a precision runs in waves: each wave holds the next batches of every
 * point still going, cut into ranges; when a wave is back, each point takes its batches one by
 * one, in seed order, and asks its stopping rule after each whole batch, as on one machine. A wave
 * may hold several batches of a point, so that a few points still keep the cores busy; batches
 * beyond a point's stop are run and dropped, so they never reach the report.
 */
public final class SparkSweep {
    private SparkSweep() {}

    /**
     * What the runs produced: the aggregates of the points in point order (after a cancel, the
     * points up to the last one any range of which came back; a point in between may have none),
     * for a precision job where each point stopped (else empty), whether that is all of it, the
     * runs in the aggregates (as the runner on one machine counts them: seeds, so a session of
     * several clients is one run), the seconds from the first task's submission to the last
     * result, and the cores Spark had then.
     */
    public record Result(List<PointAggregate> points, List<PrecisionStop> stops, boolean partial, long runs, double seconds,
            int cores) {
        public Result {
            points = List.copyOf(points);
            stops = List.copyOf(stops);
        }
    }

    /**
     * Runs every seed of every point of {@code job}, which must be the job of {@code spec}.
     *
     * @throws RunFailedException naming the point and the seed of a run that threw
     * @throws RangeFailedException when a range failed on every try for another reason
     */
    public static Result run(SparkEngine engine, SweepJob job, JobSpec spec) {
        return run(engine, job, spec, RangeRunner.SEEDS);
    }

    /** {@link #run(SparkEngine, SweepJob, JobSpec)} with each range run by {@code runner}. */
    public static Result run(SparkEngine engine, SweepJob job, JobSpec spec, RangeRunner runner) {
        return run(engine, job, spec, runner, expected -> { });
    }

    /**
     * {@link #run(SparkEngine, SweepJob, JobSpec, RangeRunner)}, telling {@code expectedRuns} how
     * many runs the job will make, for a progress bar: the job's runs, or for a precision job a
     * guess revised after every wave (never used to decide anything).
     */
    public static Result run(SparkEngine engine, SweepJob job, JobSpec spec, RangeRunner runner, LongConsumer expectedRuns) {
        if (job.precision().isPresent()) {
            return toPrecision(engine, job, spec, runner, job.precision().get(), expectedRuns);
        }
        expectedRuns.accept(job.totalRuns());
        return fixed(engine, job, spec, runner);
    }

    private static Result fixed(SparkEngine engine, SweepJob job, JobSpec spec, RangeRunner runner) {
        long started = System.nanoTime();
        int points = job.points().size();
        List<SeedRange> ranges = SeedRanges.plan(points, job.seedsPerPoint(), runsPerTask(engine, job.totalRuns()));
        List<PointAggregate> byPoint = fresh(points);
        boolean complete = run(engine, job, spec, ranges, runner,
                (aggregate, task) -> byPoint.get(ranges.get(task).point()).merge(aggregate));
        double seconds = (System.nanoTime() - started) / 1e9;
        int last = points - 1;
        while (last >= 0 && byPoint.get(last).runs() == 0) {
            last--;
        }
        List<PointAggregate> ran = byPoint.subList(0, last + 1);
        return new Result(ran, List.of(), !complete, runs(ran), seconds, engine.cores());
    }

    /** A wave aims at this many runs per core: a few tasks each, so the cores stay busy. */
    private static final int WAVE_RUNS_PER_CORE = SeedRanges.TASKS_PER_CORE * SeedRanges.MIN_RUNS_PER_TASK;
    private static final int MAX_BATCHES_AHEAD = 64;

    private static Result toPrecision(SparkEngine engine, SweepJob job, JobSpec spec, RangeRunner runner, Precision precision,
            LongConsumer expectedRuns) {
        long started = System.nanoTime();
        int points = job.points().size();
        List<PointAggregate> byPoint = fresh(points);
        PrecisionStop[] stops = new PrecisionStop[points];
        List<Integer> going = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            going.add(p);
        }
        boolean partial = false;
        expectedRuns.accept(points * precision.batchEnd(0));
        while (!going.isEmpty()) {
            if (engine.cancelled()) {
                partial = true;
                break;
            }
            long wanted = (long) engine.cores() * WAVE_RUNS_PER_CORE;
            int ahead = (int) Math.max(1, Math.min(MAX_BATCHES_AHEAD, wanted / ((long) going.size() * precision.batch())));
            // The next batches of every point still going: batches.get(i).get(b) is the b-th of going.get(i).
            List<List<PointAggregate>> batches = new ArrayList<>();
            List<SeedRange> ranges = new ArrayList<>();
            List<PointAggregate> intoBatch = new ArrayList<>();
            long waveRuns = 0;
            for (int point : going) {
                List<PointAggregate> mine = new ArrayList<>();
                long from = byPoint.get(point).seeds();
                for (int b = 0; b < ahead && from < precision.maxSeeds(); b++) {
                    long to = precision.batchEnd(from);
                    mine.add(new PointAggregate());
                    waveRuns += to - from;
                    from = to;
                }
                batches.add(mine);
            }
            int perTask = runsPerTask(engine, waveRuns);
            for (int i = 0; i < going.size(); i++) {
                long from = byPoint.get(going.get(i)).seeds();
                for (PointAggregate batch : batches.get(i)) {
                    long to = precision.batchEnd(from);
                    for (SeedRange range : SeedRanges.plan(1, from, to, perTask)) {
                        ranges.add(new SeedRange(going.get(i), range.from(), range.to()));
                        intoBatch.add(batch);
                    }
                    from = to;
                }
            }
            if (!run(engine, job, spec, ranges, runner, (aggregate, task) -> intoBatch.get(task).merge(aggregate))) {
                // Only whole waves count: what came back of this one is dropped.
                partial = true;
                break;
            }
            List<Integer> next = new ArrayList<>();
            for (int i = 0; i < going.size(); i++) {
                int point = going.get(i);
                PointAggregate total = byPoint.get(point);
                Optional<PrecisionStop.Reason> stop = Optional.empty();
                for (PointAggregate batch : batches.get(i)) {
                    total.merge(batch);
                    stop = precision.stop(total);
                    if (stop.isPresent()) {
                        stops[point] = new PrecisionStop(total.seeds(), precision.batches(total.seeds()), stop.get());
                        break;
                    }
                }
                if (stop.isEmpty()) {
                    next.add(point);
                }
            }
            going = next;
            // As on one machine: stopped points count their seeds, the others their rule's guess.
            long expected = 0;
            for (int p = 0; p < points; p++) {
                expected += stops[p] != null ? stops[p].seeds() : precision.projectedSeeds(byPoint.get(p));
            }
            expectedRuns.accept(expected);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<PointAggregate> ran = new ArrayList<>();
        List<PrecisionStop> reasons = new ArrayList<>();
        for (int p = 0; p < points && byPoint.get(p).runs() > 0; p++) {
            PointAggregate point = byPoint.get(p);
            ran.add(point);
            reasons.add(stops[p] != null ? stops[p]
                    : new PrecisionStop(point.seeds(), precision.batches(point.seeds()), PrecisionStop.Reason.INTERRUPTED));
        }
        return new Result(ran, reasons, partial, runs(ran), seconds, engine.cores());
    }

    /** Runs the ranges; a run that threw becomes the pipeline's RunFailedException, as on one machine. */
    private static boolean run(SparkEngine engine, SweepJob job, JobSpec spec, List<SeedRange> ranges, RangeRunner runner,
            ObjIntConsumer<PointAggregate> onEach) {
        try {
            return engine.run(spec, ranges, runner, onEach);
        } catch (RangeFailedException e) {
            if (e.seed() >= 0 && e.getCause() != null && e.getCause().getCause() instanceof RuntimeException cause) {
                throw new RunFailedException(job.points().get(e.range().point()).point(), e.seed(), cause);
            }
            throw e;
        }
    }

    private static int runsPerTask(SparkEngine engine, long runs) {
        return SeedRanges.runsPerTask(Math.max(1, runs), engine.cores(), engine.setting(SeedRanges.RUNS_PER_TASK_SETTING));
    }

    private static List<PointAggregate> fresh(int points) {
        List<PointAggregate> aggregates = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            aggregates.add(new PointAggregate());
        }
        return aggregates;
    }

    /** The seeds run, one per session however many clients it has, as the runner on one machine counts runs done. */
    private static long runs(List<PointAggregate> points) {
        return points.stream().mapToLong(PointAggregate::seeds).sum();
    }

    /** The judged report of a result of {@code job}. */
    public static SweepReport report(SweepJob job, Result result) {
        WallClock wallClock = WallClock.ofThisMachine(result.seconds(), result.runs(), result.cores());
        return job.precision().isPresent() ? job.judge(result.points(), result.stops(), result.partial(), wallClock)
                : job.judge(result.points(), result.partial(), wallClock);
    }
}
