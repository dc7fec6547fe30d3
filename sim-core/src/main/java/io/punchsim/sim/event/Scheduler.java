package io.punchsim.sim.event;

/**
 * Virtual-time event scheduling for one simulation run. Time is a {@code long} of nanoseconds.
 * Events due at the same instant run in the order they were scheduled.
 */
public interface Scheduler {

    /** Current virtual time in nanoseconds. */
    long now();

    /**
     * Runs {@code action} at virtual time {@code atNanos} (not before {@link #now()}).
     *
     * @return a handle for {@link #cancel(long)}; never reused within a run
     */
    long schedule(long atNanos, Runnable action);

    /** Runs {@code action} after {@code delayNanos} from now. */
    default long scheduleAfter(long delayNanos, Runnable action) {
        return schedule(now() + delayNanos, action);
    }

    /**
     * Cancels a pending event in constant or logarithmic time (never a scan of the queue).
     *
     * @return whether the event was still pending
     */
    boolean cancel(long handle);
}
