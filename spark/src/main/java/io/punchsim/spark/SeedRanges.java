package io.punchsim.spark;

import io.punchsim.scenarios.run.SweepJob;
import java.util.ArrayList;
import java.util.List;

/**
 * How a job's runs are cut into tasks: each point's runs in consecutive ranges, points in grid
 * order, so the tasks list the runs in seed order. Every range starts on a multiple of the
 * runner's chunk of 128 runs and, but for a point's last, is a whole number of chunks long.
 *
 * <p>A task costs the scheduler a few milliseconds; a run costs some 25 µs on one core. Ranges of
 * 1,024 to 16,384 runs keep the cost of scheduling under about 5% for the smallest and negligible
 * for the largest, and a job gets about four tasks per core, so no core waits long at the end.
 * On a large cluster, where tasks of 16,384 runs last well under a second, the Spark setting
 * {@value #RUNS_PER_TASK_SETTING} makes them longer.
 */
public final class SeedRanges {
    /** The runner's chunk on one machine; ranges are whole chunks. */
    public static final int CHUNK = SweepJob.CHUNK;
    public static final int MIN_RUNS_PER_TASK = 8 * CHUNK;
    public static final int MAX_RUNS_PER_TASK = 128 * CHUNK;
    static final int TASKS_PER_CORE = 4;

    private SeedRanges() {}

    /**
     * Runs per task for {@code totalRuns} runs on {@code cores} cores: about {@link
     * #TASKS_PER_CORE} tasks per core, a whole number of chunks, within the bounds above.
     */
    public static int runsPerTask(long totalRuns, int cores) {
        if (totalRuns < 1 || cores < 1) {
            throw new IllegalArgumentException("runs " + totalRuns + " on " + cores + " cores");
        }
        long wanted = Math.max(1, ceilDiv(totalRuns, (long) cores * TASKS_PER_CORE));
        long chunks = ceilDiv(wanted, CHUNK);
        return (int) Math.max(MIN_RUNS_PER_TASK, Math.min(MAX_RUNS_PER_TASK, chunks * CHUNK));
    }

    /** The Spark setting that fixes the runs per task instead: a positive multiple of {@link #CHUNK}. */
    public static final String RUNS_PER_TASK_SETTING = "spark.punchsim.runsPerTask";

    /**
     * {@link #runsPerTask(long, int)}, unless {@code setting} (the value of {@link
     * #RUNS_PER_TASK_SETTING}, or null) fixes it.
     *
     * @throws IllegalArgumentException if the setting is not a positive multiple of {@link #CHUNK}
     */
    public static int runsPerTask(long totalRuns, int cores, String setting) {
        if (setting == null) {
            return runsPerTask(totalRuns, cores);
        }
        try {
            int runs = Integer.parseInt(setting.strip());
            if (runs > 0 && runs % CHUNK == 0) {
                return runs;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException(RUNS_PER_TASK_SETTING + " must be a positive multiple of " + CHUNK + ", got '" + setting + "'");
    }

    /** Every run of {@code points} points of {@code seedsPerPoint} runs, as ranges of {@code runsPerTask}. */
    public static List<SeedRange> plan(int points, long seedsPerPoint, int runsPerTask) {
        return plan(points, 0, seedsPerPoint, runsPerTask);
    }

    /**
     * Runs {@code from} (inclusive) to {@code to} (exclusive) of each of {@code points} points, as
     * ranges of at most {@code runsPerTask}: one wave of a precision run, say, whose batch is
     * {@code from..to}.
     */
    public static List<SeedRange> plan(int points, long from, long to, int runsPerTask) {
        if (runsPerTask < 1 || runsPerTask % CHUNK != 0) {
            throw new IllegalArgumentException("runs per task must be a positive multiple of " + CHUNK + ": " + runsPerTask);
        }
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("runs " + from + ".." + to);
        }
        List<SeedRange> ranges = new ArrayList<>();
        for (int point = 0; point < points; point++) {
            long start = from;
            while (start < to) {
                // Ends fall on multiples of runsPerTask, so ranges stay aligned whatever from is.
                long end = Math.min(to, (start / runsPerTask + 1) * runsPerTask);
                ranges.add(new SeedRange(point, start, end));
                start = end;
            }
        }
        return ranges;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
