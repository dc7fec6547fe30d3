package io.punchsim.bench;

import io.punchsim.sim.event.Scheduler;
import java.util.Arrays;

/**
 * Measured alternative to the kernel's tournament tree, and the kernel's queue before it: a 4-ary
 * min-heap of (time, sequence << 32 | slot) pairs in one long array, the smallest of four children
 * chosen with masks instead of branches, sentinels past the end, an index from slot to heap position
 * for cancellation in logarithmic time, and the vacated top taken over by the next insertion.
 */
public final class HeapEventLoop implements Scheduler {

    private static final int INITIAL_CAPACITY = 64;
    private static final int SLOT_BITS = 32;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    /** First sequence number that no longer fits in a key. */
    private static final long SEQUENCE_LIMIT = 1L << 31;
    /** Time and key of the entries past the end of the heap: after every event. */
    private static final long SENTINEL = Long.MAX_VALUE;
    /** Entries kept past the end so that the last parent's four children can always be read. */
    private static final int PADDING = 4;

    private final long sequenceLimit;

    private long now;
    private long nextSequence;
    private boolean stopRequested;

    // Entry i of the heap: heap[2i] is its time, heap[2i + 1] its key (sequence << 32 | slot).
    private long[] heap = sentinels(2 * (INITIAL_CAPACITY + PADDING));
    private int size;
    // True while step() runs an event whose entry still sits, logically removed, at the top.
    private boolean topVacant;

    // Slots, indexed by slot number.
    private Runnable[] actions = new Runnable[INITIAL_CAPACITY];
    private int[] positionOfSlot = new int[INITIAL_CAPACITY];
    private int[] generation = new int[INITIAL_CAPACITY];
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotCount;

    private long executed;

    public HeapEventLoop() {
        this(SEQUENCE_LIMIT);
    }

    /** Renumbers pending events whenever {@code sequenceLimit} sequence numbers are used. */
    public HeapEventLoop(long sequenceLimit) {
        if (sequenceLimit < 1 || sequenceLimit > SEQUENCE_LIMIT) {
            throw new IllegalArgumentException("sequence limit " + sequenceLimit);
        }
        this.sequenceLimit = sequenceLimit;
    }

    @Override
    public long now() {
        return now;
    }

    /** Number of events waiting to run. */
    public int pending() {
        return topVacant ? size - 1 : size;
    }

    /** Number of events run since the last reset. */
    public long executed() {
        return executed;
    }

    /** Time of the earliest pending event, or {@link Long#MAX_VALUE} when none is pending. */
    public long nextEventTime() {
        settle();
        return size == 0 ? Long.MAX_VALUE : heap[0];
    }

    /**
     * {@inheritDoc}
     *
     * <p>Handles are never zero, so callers may use zero to mean "no timer".
     */
    @Override
    public long schedule(long atNanos, Runnable action) {
        if (atNanos < now) {
            throw new IllegalArgumentException("cannot schedule in the past: " + atNanos + " < now " + now);
        }
        if (action == null) {
            throw new NullPointerException("action");
        }
        if (nextSequence >= sequenceLimit) {
            renumber();
        }
        int slot = allocateSlot();
        actions[slot] = action;
        long key = (nextSequence++ << SLOT_BITS) | slot;
        if (topVacant) {
            topVacant = false;
            siftDown(0, atNanos, key);
        } else {
            if (2 * (size + 1 + PADDING) > heap.length) {
                growHeap();
            }
            siftUp(size++, atNanos, key);
        }
        return ((long) generation[slot] << 32) | slot;
    }

    @Override
    public boolean cancel(long handle) {
        int slot = (int) handle;
        int handleGeneration = (int) (handle >>> 32);
        if (slot < 0 || slot >= slotCount || generation[slot] != handleGeneration) {
            return false;
        }
        if (positionOfSlot[slot] < 0) {
            return false;
        }
        settle();
        removeAt(positionOfSlot[slot]);
        freeSlot(slot);
        return true;
    }

    /**
     * Runs the earliest pending event, advancing time to it.
     *
     * @return false when nothing was pending
     */
    public boolean step() {
        settle();
        if (size == 0) {
            return false;
        }
        int slot = (int) heap[1];
        now = heap[0];
        Runnable action = actions[slot];
        freeSlot(slot);
        topVacant = true;
        executed++;
        action.run();
        return true;
    }

    /** Completes the removal of a vacant top entry that no new event has taken over. */
    private void settle() {
        if (topVacant) {
            topVacant = false;
            removeAt(0);
        }
    }

    /** Runs events until none is pending or {@link #stop()} is called. */
    public void run() {
        stopRequested = false;
        while (!stopRequested && step()) {
            // each step runs one event
        }
    }

    /**
     * Runs every event due at or before {@code limitNanos} (unless {@link #stop()} is called), then
     * advances time to {@code limitNanos} if it is later than the last event run.
     */
    public void runUntil(long limitNanos) {
        stopRequested = false;
        while (!stopRequested && nextEventTime() <= limitNanos) {
            step();
        }
        if (!stopRequested && limitNanos > now) {
            now = limitNanos;
        }
    }

    /** Makes the current {@link #run()} or {@link #runUntil(long)} return after the running event. */
    public void stop() {
        stopRequested = true;
    }

    /** Forgets every pending event and returns to time zero, keeping the allocated arrays. */
    public void reset() {
        Arrays.fill(actions, 0, slotCount, null);
        Arrays.fill(positionOfSlot, 0, slotCount, -1);
        Arrays.fill(heap, 0, 2 * size, SENTINEL);
        // Generations are kept so that a handle from before the reset can never cancel a new event.
        size = 0;
        topVacant = false;
        slotCount = 0;
        freeCount = 0;
        now = 0;
        nextSequence = 0;
        executed = 0;
        stopRequested = false;
    }

    private int allocateSlot() {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotCount == actions.length) {
                growSlots();
            }
            slot = slotCount++;
        }
        int next = generation[slot] + 1;
        generation[slot] = next == 0 ? 1 : next;
        return slot;
    }

    private void freeSlot(int slot) {
        actions[slot] = null;
        positionOfSlot[slot] = -1;
        freeSlots[freeCount++] = slot;
    }

    /**
     * Gives the pending events the sequence numbers 0, 1, ... in their current order (so no two
     * entries compare differently and the heap stays as it is) and continues numbering after them.
     */
    private void renumber() {
        settle();
        long[] h = heap;
        long[] sequences = new long[size];
        for (int i = 0; i < size; i++) {
            sequences[i] = h[2 * i + 1] >>> SLOT_BITS;
        }
        Arrays.sort(sequences);
        for (int i = 0; i < size; i++) {
            long key = h[2 * i + 1];
            long rank = Arrays.binarySearch(sequences, key >>> SLOT_BITS);
            h[2 * i + 1] = (rank << SLOT_BITS) | (key & SLOT_MASK);
        }
        nextSequence = size;
    }

    private void removeAt(int position) {
        long[] h = heap;
        int last = --size;
        long time = h[2 * last];
        long key = h[2 * last + 1];
        h[2 * last] = SENTINEL;
        h[2 * last + 1] = SENTINEL;
        if (position == last) {
            return;
        }
        int parent = (position - 1) >> 2;
        if (position > 0 && before(time, key, h[2 * parent], h[2 * parent + 1])) {
            siftUp(position, time, key);
        } else {
            siftDown(position, time, key);
        }
    }

    private void siftUp(int position, long time, long key) {
        long[] h = heap;
        int[] positions = positionOfSlot;
        while (position > 0) {
            int parent = (position - 1) >> 2;
            long parentTime = h[2 * parent];
            long parentKey = h[2 * parent + 1];
            if (!before(time, key, parentTime, parentKey)) {
                break;
            }
            h[2 * position] = parentTime;
            h[2 * position + 1] = parentKey;
            positions[(int) parentKey] = position;
            position = parent;
        }
        h[2 * position] = time;
        h[2 * position + 1] = key;
        positions[(int) key] = position;
    }

    private void siftDown(int position, long time, long key) {
        long[] h = heap;
        int[] positions = positionOfSlot;
        int n = size;
        while (true) {
            int first = 4 * position + 1;
            if (first >= n) {
                break;
            }
            // The four children (sentinels past the end), the smaller of each pair, then of the two.
            int i = 2 * first;
            long t0 = h[i], k0 = h[i + 1], t1 = h[i + 2], k1 = h[i + 3];
            long t2 = h[i + 4], k2 = h[i + 5], t3 = h[i + 6], k3 = h[i + 7];
            long m01 = beforeMask(t1, k1, t0, k0);
            long m23 = beforeMask(t3, k3, t2, k2);
            long t01 = t0 ^ ((t0 ^ t1) & m01);
            long k01 = k0 ^ ((k0 ^ k1) & m01);
            long t23 = t2 ^ ((t2 ^ t3) & m23);
            long k23 = k2 ^ ((k2 ^ k3) & m23);
            int c01 = first - (int) m01;
            int c23 = first + 2 - (int) m23;
            long m = beforeMask(t23, k23, t01, k01);
            long bestTime = t01 ^ ((t01 ^ t23) & m);
            long bestKey = k01 ^ ((k01 ^ k23) & m);
            int best = c01 ^ ((c01 ^ c23) & (int) m);
            if (!before(bestTime, bestKey, time, key)) {
                break;
            }
            h[2 * position] = bestTime;
            h[2 * position + 1] = bestKey;
            positions[(int) bestKey] = position;
            position = best;
        }
        h[2 * position] = time;
        h[2 * position + 1] = key;
        positions[(int) key] = position;
    }

    /** Order of two entries: by time, then by key (scheduling order). */
    private static boolean before(long time, long key, long otherTime, long otherKey) {
        return time < otherTime || (time == otherTime && key < otherKey);
    }

    /**
     * All ones when the first entry orders before the second, else zero, computed without a branch:
     * the key difference borrows one from the time difference exactly when the key is smaller. Times
     * and keys are never negative, so neither difference overflows.
     */
    private static long beforeMask(long time, long key, long otherTime, long otherKey) {
        return ((time - otherTime) + ((key - otherKey) >> 63)) >> 63;
    }

    private static long[] sentinels(int length) {
        long[] array = new long[length];
        Arrays.fill(array, SENTINEL);
        return array;
    }

    private void growHeap() {
        int length = heap.length;
        heap = Arrays.copyOf(heap, 2 * length);
        Arrays.fill(heap, length, 2 * length, SENTINEL);
    }

    private void growSlots() {
        int capacity = actions.length * 2;
        actions = Arrays.copyOf(actions, capacity);
        positionOfSlot = Arrays.copyOf(positionOfSlot, capacity);
        generation = Arrays.copyOf(generation, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
}
