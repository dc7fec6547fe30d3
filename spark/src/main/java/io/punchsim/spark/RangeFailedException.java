package io.punchsim.spark;

import io.punchsim.scenarios.run.RunFailedException;

/**
 * A task's range failed on an executor, on every try. Its message names the runs and the point;
 * when a run threw ({@link RunFailedException}, its cause), {@link #seed} is that run's seed. Spark
 * hands it back to the driver as the cause of the job's failure.
 */
public final class RangeFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SeedRange range;
    private final long seed;

    RangeFailedException(SeedRange range, String where, RuntimeException cause) {
        super(where + ": " + cause.getMessage(), cause);
        this.range = range;
        this.seed = cause instanceof RunFailedException run ? run.seed() : -1;
    }

    public SeedRange range() {
        return range;
    }

    /** The seed of the run that threw, or -1 when the range failed otherwise. */
    public long seed() {
        return seed;
    }
}
