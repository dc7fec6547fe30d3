package io.punchsim.spark;

/**
 * A task's range failed on an executor. Its message names the point and the runs; the message of
 * its cause, for a run that threw, names the seed. Spark hands it back to the driver as the cause
 * of the job's failure.
 */
public final class RangeFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RangeFailedException(String where, RuntimeException cause) {
        super(where + ": " + cause.getMessage(), cause);
    }
}
