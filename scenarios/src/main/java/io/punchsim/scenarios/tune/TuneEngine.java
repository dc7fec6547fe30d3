package io.punchsim.scenarios.tune;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.scenarios.run.PreparedPoint;
import io.punchsim.scenarios.run.RunPool;
import java.util.List;

/**
 * What makes a tune's runs, one round at a time: the {@link Tuner} decides which seeds of which
 * candidates run next, an engine runs them and adds each batch's outcomes to the batch's aggregate.
 * This machine's threads ({@link #local}) and Apache Spark (the spark module) are two engines of
 * the one race. A run is a pure function of (file, candidate, seed), so the aggregates, and with
 * them the tune's every decision, are the same on any engine.
 */
public interface TuneEngine extends AutoCloseable {

    /**
     * Runs {@code from} (inclusive) to {@code to} (exclusive) of the candidate numbered
     * {@code candidate} in the file's tune grid, whose point, prepared on this machine, is
     * {@code point}; their outcomes go into {@code into}.
     */
    record Batch(int candidate, PreparedPoint point, long from, long to, PointAggregate into) {
        public Batch {
            if (candidate < 0 || from < 0 || to < from) {
                throw new IllegalArgumentException("candidate " + candidate + ", runs " + from + ".." + to);
            }
        }

        public long runs() {
            return to - from;
        }
    }

    /**
     * Runs every batch of a round into its aggregate.
     *
     * @return whether every batch ran in full; {@code false} after {@link #cancel}, when each
     *     aggregate holds what the engine keeps of a cut round (this machine: the chunks that
     *     finished; Spark: nothing, a round counts whole or not at all)
     * @throws io.punchsim.scenarios.run.RunFailedException naming the candidate's point and the
     *     seed, if a run throws (this machine wraps it in an {@link IllegalStateException})
     */
    boolean run(List<Batch> round);

    /** Runs finished so far, for a progress bar; any thread may ask. */
    long runsDone();

    /** The threads, or cores, the runs are spread over: for the wall clock, never for a result. */
    int threads();

    /** Asks {@link #run} to stop soon, and every later round; any thread may call it. */
    void cancel();

    /** Frees what the engine holds (threads, a JVM); a round in flight is cancelled. */
    @Override
    void close();

    /** This machine's threads: each batch cut into chunks of 128 runs that any of them takes in turn. */
    static TuneEngine local(int threads) {
        RunPool pool = new RunPool(threads);
        return new TuneEngine() {
            @Override
            public boolean run(List<Batch> round) {
                return pool.run(round.stream().map(b -> new RunPool.Range(b.point(), b.from(), b.to(), b.into())).toList());
            }

            @Override
            public long runsDone() {
                return pool.runsDone();
            }

            @Override
            public int threads() {
                return threads;
            }

            @Override
            public void cancel() {
                pool.cancel();
            }

            @Override
            public void close() {
                pool.close();
            }
        };
    }
}
