package io.punchsim.scenarios.run;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.precision.PrecisionStop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Runs every seed of every sweep point over a pool of threads and aggregates the outcomes as they
 * stream in. {@link SweepJob} drives it; nothing else should.
 *
 * <p>Seeds of a point are handed out in fixed-size chunks; each thread adds its runs to aggregates of
 * its own, which are merged when the point is done. Merging is exact and the outcome digest does not
 * depend on order, so the result is the same for any thread count, and memory does not grow with the
 * number of seeds. Run {@code i} of a point uses seed {@code root-seed + i}: every point sees the same
 * seeds, which makes points comparable run for run.
 *
 * <p>Run to a {@link Precision}, points run batch by batch instead: a window of points in grid
 * order each runs its next batch, the batches of all of them spread over the threads at once;
 * after the round each point's stopping rule reads the aggregate of its whole batches, and a point
 * that stops makes room for the next one. Where a point stops depends only on its own batches.
 */
final class SweepRunner {
    /** Runs per chunk: large enough that handing out chunks costs nothing, small enough to balance threads. */
    static final int CHUNK = 128;

    private final int threads;
    private final AtomicLong runsDone = new AtomicLong();
    private final AtomicLongArray runsByThread;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** For a precision run's progress bar: the seeds it will have run by the guess of each point's rule. */
    private volatile long projectedRuns = -1;

    SweepRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.runsByThread = new AtomicLongArray(threads);
    }

    /** Runs finished so far, for a progress bar. */
    long runsDone() {
        return runsDone.get();
    }

    /** Runs each pool thread has finished so far, by thread number (0 = the first started). */
    long[] runsByThread() {
        long[] runs = new long[threads];
        for (int t = 0; t < threads; t++) {
            runs[t] = runsByThread.get(t);
        }
        return runs;
    }

    /** Asks the sweep to stop after the chunks in flight; what finished is kept and marked partial. */
    void cancel() {
        cancelled.set(true);
    }

    /**
     * What a sweep produced: the aggregates of the points that ran, in point order (the first
     * {@code points.size()} points; fewer when it was cut short).
     */
    record Result(List<PointAggregate> points, boolean partial, long runs, double seconds) {}

    Result run(List<PreparedPoint> points, long seedsPerPoint) {
        long started = System.nanoTime();
        List<PointAggregate> results = new ArrayList<>();
        boolean partial = false;
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                r -> new RunThread(r, threadNumber.getAndIncrement()));
        try {
            for (PreparedPoint point : points) {
                if (cancelled.get()) {
                    partial = true;
                    break;
                }
                PointRun run = runPoint(pool, point, seedsPerPoint);
                if (run.aggregate.runs() > 0) {
                    results.add(run.aggregate);
                }
                if (run.cut) {
                    partial = true;
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(results, partial, runsDone.get(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * What a precision run produced: the aggregates and stops of the points that ran, in point
     * order (a prefix of the points; shorter when cut short).
     */
    record PrecisionResult(List<PointAggregate> points, List<PrecisionStop> stops, boolean partial, long runs, double seconds) {}

    /** Points running at once in a precision run: enough batches per round to keep every thread busy. */
    int window() {
        return Math.max(8, 4 * threads);
    }

    /** A guess at a precision run's total runs, for a progress bar; -1 before it starts. */
    long projectedRuns() {
        return projectedRuns;
    }

    PrecisionResult runToPrecision(List<PreparedPoint> points, Precision precision) {
        long started = System.nanoTime();
        int n = points.size();
        PointAggregate[] aggregates = new PointAggregate[n];
        PrecisionStop[] stops = new PrecisionStop[n];
        List<Integer> active = new ArrayList<>();
        int next = 0;
        boolean partial = false;
        projectedRuns = n * precision.batchEnd(0);
        try (RunPool pool = new RunPool(threads, runsDone, runsByThread, cancelled)) {
            while (true) {
                while (active.size() < window() && next < n) {
                    aggregates[next] = new PointAggregate();
                    active.add(next++);
                }
                if (active.isEmpty()) {
                    break;
                }
                if (cancelled.get()) {
                    partial = true;
                    break;
                }
                List<RunPool.Range> batches = new ArrayList<>();
                for (int i : active) {
                    long seeds = aggregates[i].seeds();
                    batches.add(new RunPool.Range(points.get(i), seeds, precision.batchEnd(seeds), aggregates[i]));
                }
                if (!pool.run(batches)) {
                    partial = true;
                    break;
                }
                List<Integer> going = new ArrayList<>();
                for (int i : active) {
                    long seeds = aggregates[i].seeds();
                    Optional<PrecisionStop.Reason> stop = precision.stop(aggregates[i]);
                    if (stop.isPresent()) {
                        stops[i] = new PrecisionStop(seeds, precision.batches(seeds), stop.get());
                    } else {
                        going.add(i);
                    }
                }
                active = going;
                projectedRuns = project(precision, aggregates, stops, next, n);
            }
        }
        List<PointAggregate> results = new ArrayList<>();
        List<PrecisionStop> reasons = new ArrayList<>();
        for (int i = 0; i < next && aggregates[i].runs() > 0; i++) {
            results.add(aggregates[i]);
            long seeds = aggregates[i].seeds();
            reasons.add(stops[i] != null ? stops[i]
                    : new PrecisionStop(seeds, precision.batches(seeds), PrecisionStop.Reason.INTERRUPTED));
        }
        return new PrecisionResult(results, reasons, partial, runsDone.get(), (System.nanoTime() - started) / 1e9);
    }

    // Stopped points count their seeds, running ones their rule's guess, and points not started the mean of those.
    private static long project(Precision precision, PointAggregate[] aggregates, PrecisionStop[] stops, int started, int n) {
        long total = 0;
        for (int i = 0; i < started; i++) {
            total += stops[i] != null ? stops[i].seeds() : precision.projectedSeeds(aggregates[i]);
        }
        return started == 0 ? n * precision.batchEnd(0) : total + (n - started) * (total / started);
    }

    /** A pool thread that knows its number, so the work each thread did can be counted. */
    private static final class RunThread extends Thread {
        final int number;

        RunThread(Runnable task, int number) {
            super(task, "punchsim-run-" + number);
            this.number = number;
            setDaemon(true);
        }
    }

    private record PointRun(PointAggregate aggregate, boolean cut) {}

    private PointRun runPoint(ExecutorService pool, PreparedPoint point, long seeds) {
        long chunks = (seeds + CHUNK - 1) / CHUNK;
        AtomicLong nextChunk = new AtomicLong();
        List<Future<PointAggregate>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                int thread = ((RunThread) Thread.currentThread()).number;
                PointAggregate mine = new PointAggregate();
                long chunk;
                while (!cancelled.get() && (chunk = nextChunk.getAndIncrement()) < chunks) {
                    long from = chunk * CHUNK;
                    long to = Math.min(seeds, from + CHUNK);
                    point.runInto(mine, from, to);
                    runsDone.addAndGet(to - from);
                    runsByThread.addAndGet(thread, to - from);
                }
                return mine;
            }));
        }
        PointAggregate total = new PointAggregate();
        for (Future<PointAggregate> worker : workers) {
            try {
                total.merge(worker.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled.set(true);
            } catch (ExecutionException e) {
                cancelled.set(true);
                if (e.getCause() instanceof RunFailedException failed) {
                    throw failed;
                }
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
        return new PointRun(total, total.seeds() < seeds);
    }
}
