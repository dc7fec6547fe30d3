package io.punchsim.reports.aggregate;

import java.util.Arrays;

/**
 * The few smallest seeds of one kind of run (an outcome, a failure reason, a NAT pair's outcome),
 * so a report can name runs to replay with {@code punchsim trace}. Keeping the smallest makes the
 * choice exact under merging: the smallest of a union are the smallest of the parts' smallest, so
 * the seeds kept are the same for any split of the runs and any thread count.
 *
 * <p>Not thread-safe, like the aggregate that holds it.
 */
public final class ExampleSeeds {

    /** Seeds kept per kind of run. */
    public static final int KEPT = 3;

    // Ascending, distinct; the first `size` entries are used.
    private final long[] seeds = new long[KEPT];
    private int size;

    /** Counts one run's seed: kept if it is among the smallest seen. A seed already kept is not kept twice. */
    public void add(long seed) {
        if (size == KEPT && seed >= seeds[KEPT - 1]) {
            return;
        }
        int at = Arrays.binarySearch(seeds, 0, size, seed);
        if (at >= 0) {
            return;
        }
        int insert = -at - 1;
        int move = Math.min(size, KEPT - 1) - insert;
        if (move > 0) {
            System.arraycopy(seeds, insert, seeds, insert + 1, move);
        }
        seeds[insert] = seed;
        size = Math.min(size + 1, KEPT);
    }

    /** Adds the seeds {@code other} kept; {@code other} is left unchanged. */
    public void merge(ExampleSeeds other) {
        for (int i = 0; i < other.size; i++) {
            add(other.seeds[i]);
        }
    }

    /** The seeds kept, smallest first (at most {@link #KEPT}). */
    public long[] seeds() {
        return Arrays.copyOf(seeds, size);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExampleSeeds other && Arrays.equals(seeds(), other.seeds());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(seeds());
    }

    @Override
    public String toString() {
        return Arrays.toString(seeds());
    }
}
