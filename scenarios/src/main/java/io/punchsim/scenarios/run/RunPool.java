package io.punchsim.scenarios.run;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.SessionOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Runs ranges of runs of prepared points over a pool of threads, each range into its own aggregate:
 * one batch of each of many points at once, as a precision run or a tune needs. Ranges are cut into
 * chunks that any thread takes in turn; a chunk's outcomes are added to its range's aggregate in one
 * step. An aggregate does not depend on the order its runs were added in, so the aggregates are the
 * same for any number of threads.
 */
public final class RunPool implements AutoCloseable {

    /** Runs {@code from} (inclusive) to {@code to} (exclusive) of {@code point}, added to {@code into}. */
    public record Range(PreparedPoint point, long from, long to, PointAggregate into) {
        public Range {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("runs " + from + ".." + to + " are not a range");
            }
        }
    }

    private final int threads;
    private final ExecutorService pool;
    private final AtomicLong runsDone;
    private final AtomicLongArray runsByThread;
    private final AtomicBoolean cancelled;

    /** A pool of {@code threads} threads of its own, with counters of its own. */
    public RunPool(int threads) {
        this(threads, new AtomicLong(), new AtomicLongArray(Math.max(1, threads)), new AtomicBoolean());
    }

    RunPool(int threads, AtomicLong runsDone, AtomicLongArray runsByThread, AtomicBoolean cancelled) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.runsDone = runsDone;
        this.runsByThread = runsByThread;
        this.cancelled = cancelled;
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> new PoolThread(r, number.getAndIncrement()));
    }

    private static final class PoolThread extends Thread {
        final int number;

        PoolThread(Runnable task, int number) {
            super(task, "punchsim-run-" + number);
            this.number = number;
            setDaemon(true);
        }
    }

    private record Chunk(int range, long from, long to) {}

    /**
     * Runs every range to its end.
     *
     * @return whether every run finished; {@code false} when {@link #cancel} stopped it (each
     *         aggregate then holds the chunks that finished)
     * @throws IllegalStateException naming the seed, if a run fails
     */
    public boolean run(List<Range> ranges) {
        List<Chunk> chunks = new ArrayList<>();
        for (int r = 0; r < ranges.size(); r++) {
            Range range = ranges.get(r);
            for (long from = range.from(); from < range.to(); from += SweepRunner.CHUNK) {
                chunks.add(new Chunk(r, from, Math.min(range.to(), from + SweepRunner.CHUNK)));
            }
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, chunks.size()); t++) {
            workers.add(pool.submit(() -> {
                int thread = ((PoolThread) Thread.currentThread()).number;
                int c;
                while (!cancelled.get() && (c = next.getAndIncrement()) < chunks.size()) {
                    Chunk chunk = chunks.get(c);
                    Range range = ranges.get(chunk.range());
                    List<SessionOutcome> outcomes = new ArrayList<>((int) (chunk.to() - chunk.from()));
                    for (long run = chunk.from(); run < chunk.to(); run++) {
                        outcomes.add(range.point().session(run));
                    }
                    synchronized (range.into()) {
                        outcomes.forEach(range.into()::add);
                    }
                    runsDone.addAndGet(outcomes.size());
                    runsByThread.addAndGet(thread, outcomes.size());
                    finished.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled.set(true);
            } catch (ExecutionException e) {
                cancelled.set(true);
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
        return finished.get() == chunks.size();
    }

    /** Runs finished so far, for a progress bar. */
    public long runsDone() {
        return runsDone.get();
    }

    /** Asks {@link #run} to stop after the chunks in flight. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
