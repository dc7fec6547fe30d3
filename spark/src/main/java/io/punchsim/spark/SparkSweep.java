package io.punchsim.spark;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.run.RunFailedException;
import io.punchsim.scenarios.run.SweepJob;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep job's every run on a {@link SparkEngine}: the runs cut into seed ranges
 * ({@link SeedRanges}), each range's aggregate merged into its point's as it comes back, and the
 * points judged by the job, as {@link SweepJob#run} does on one machine. The report is the one
 * {@code SweepJob.run} gives, digest included, apart from the wall clock.
 */
public final class SparkSweep {
    private SparkSweep() {}

    /**
     * What the runs produced: the aggregates of the points in point order (after a cancel, the
     * points up to the last one any range of which came back; a point in between may have none),
     * whether that is all of them, the runs made, the seconds from the first task's submission to
     * the last result, and the cores Spark had then.
     */
    public record Result(List<PointAggregate> points, boolean partial, long runs, double seconds, int cores) {
        public Result {
            points = List.copyOf(points);
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
        long started = System.nanoTime();
        int points = job.points().size();
        List<SeedRange> ranges = SeedRanges.plan(points, job.seedsPerPoint(),
                SeedRanges.runsPerTask(job.totalRuns(), engine.cores(), engine.setting(SeedRanges.RUNS_PER_TASK_SETTING)));
        List<PointAggregate> byPoint = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            byPoint.add(new PointAggregate());
        }
        boolean complete;
        try {
            complete = engine.run(spec, ranges, runner,
                    (aggregate, task) -> byPoint.get(ranges.get(task).point()).merge(aggregate));
        } catch (RangeFailedException e) {
            // A run that threw is the pipeline's RunFailedException, as on one machine.
            if (e.seed() >= 0 && e.getCause() != null && e.getCause().getCause() instanceof RuntimeException cause) {
                throw new RunFailedException(job.points().get(e.range().point()).point(), e.seed(), cause);
            }
            throw e;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int last = points - 1;
        while (last >= 0 && byPoint.get(last).runs() == 0) {
            last--;
        }
        List<PointAggregate> ran = byPoint.subList(0, last + 1);
        long runs = ran.stream().mapToLong(PointAggregate::runs).sum();
        return new Result(ran, !complete, runs, seconds, engine.cores());
    }

    /** The judged report of a result of {@code job}. */
    public static SweepReport report(SweepJob job, Result result) {
        return job.judge(result.points(), result.partial(),
                WallClock.ofThisMachine(result.seconds(), result.runs(), result.cores()));
    }
}
