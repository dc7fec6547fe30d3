package io.punchsim.scenarios.run;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs every seed of every sweep point over a pool of threads and aggregates the outcomes as they
 * stream in.
 *
 * <p>Seeds of a point are handed out in fixed-size chunks; each thread adds its runs to aggregates of
 * its own, which are merged when the point is done. Merging is exact and the outcome digest does not
 * depend on order, so the result is the same for any thread count, and memory does not grow with the
 * number of seeds. Run {@code i} of a point uses seed {@code root-seed + i}: every point sees the same
 * seeds, which makes points comparable run for run.
 */
public final class SweepRunner {
    private static final int CHUNK = 128;

    private final int threads;
    private final AtomicLong runsDone = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public SweepRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
    }

    /** Runs finished so far, for a progress bar. */
    public long runsDone() {
        return runsDone.get();
    }

    /** Asks the sweep to stop after the chunks in flight; what finished is kept and marked partial. */
    public void cancel() {
        cancelled.set(true);
    }

    /** What a sweep produced: one aggregate per point that ran, in point order. */
    public record Result(Map<Map<String, String>, PointAggregate> points, boolean partial, long runs,
            double seconds) {}

    public Result run(List<PreparedPoint> points, long seedsPerPoint) {
        long started = System.nanoTime();
        Map<Map<String, String>, PointAggregate> results = new LinkedHashMap<>();
        boolean partial = false;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "punchsim-run");
            t.setDaemon(true);
            return t;
        });
        try {
            for (PreparedPoint point : points) {
                if (cancelled.get()) {
                    partial = true;
                    break;
                }
                PointRun run = runPoint(pool, point, seedsPerPoint);
                if (run.aggregate.runs() > 0) {
                    results.put(point.point().values(), run.aggregate);
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

    private record PointRun(PointAggregate aggregate, boolean cut) {}

    private PointRun runPoint(ExecutorService pool, PreparedPoint point, long seeds) {
        long root = point.scenario().rootSeed();
        long chunks = (seeds + CHUNK - 1) / CHUNK;
        AtomicLong nextChunk = new AtomicLong();
        List<Future<PointAggregate>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                PointAggregate mine = new PointAggregate();
                long chunk;
                while (!cancelled.get() && (chunk = nextChunk.getAndIncrement()) < chunks) {
                    long from = chunk * CHUNK;
                    long to = Math.min(seeds, from + CHUNK);
                    for (long i = from; i < to; i++) {
                        mine.add(ConnectionRun.run(point, root + i));
                    }
                    runsDone.addAndGet(to - from);
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
                throw new IllegalStateException("a run failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return new PointRun(total, total.runs() < seeds);
    }
}
