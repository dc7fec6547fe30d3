package io.punchsim.sim.event;

import java.util.Arrays;

/**
 * The scheduler and run loop of one simulation run: single-threaded, reusable through {@link #reset()}.
 *
 * <p>Pending events live in a 4-ary min-heap kept in parallel primitive arrays (time, sequence
 * number, slot), so ordering never boxes a time and a sift touches few cache lines. Each event occupies a slot
 * that remembers its heap position; a handle names the slot and the slot's generation, so
 * {@link #cancel(long)} finds the event directly and removes it in logarithmic time, and a stale
 * handle (fired, cancelled, or from an earlier use of the slot) is recognised and ignored.
 *
 * <p>Most events schedule another as they run. So {@link #step()} leaves the top entry vacant while
 * the event runs, and the first event scheduled meanwhile takes its place with one sift down,
 * instead of a removal (a sift down) followed by an insertion (a sift up).
 */
public final class EventLoop implements Scheduler {

    private static final int ARITY = 4;
    private static final int INITIAL_CAPACITY = 64;

    private long now;
    private long nextSequence;
    private boolean stopRequested;

    // Heap, indexed by heap position. The sequence number sits beside the time: at simulation
    // scale many events share an instant, and a tie must not cost a lookup elsewhere.
    private long[] heapTime = new long[INITIAL_CAPACITY];
    private long[] heapSequence = new long[INITIAL_CAPACITY];
    private int[] heapSlot = new int[INITIAL_CAPACITY];
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
        return size == 0 ? Long.MAX_VALUE : heapTime[0];
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
        int slot = allocateSlot();
        actions[slot] = action;
        long sequence = nextSequence++;
        if (topVacant) {
            topVacant = false;
            siftDown(0, atNanos, sequence, slot);
        } else {
            if (size == heapTime.length) {
                growHeap();
            }
            siftUp(size++, atNanos, sequence, slot);
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
        int slot = heapSlot[0];
        now = heapTime[0];
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

    private void removeAt(int position) {
        int last = --size;
        if (position == last) {
            return;
        }
        long time = heapTime[last];
        long sequence = heapSequence[last];
        int slot = heapSlot[last];
        int parent = (position - 1) / ARITY;
        if (position > 0 && before(time, sequence, heapTime[parent], heapSequence[parent])) {
            siftUp(position, time, sequence, slot);
        } else {
            siftDown(position, time, sequence, slot);
        }
    }

    private void siftUp(int position, long time, long sequence, int slot) {
        long[] times = heapTime;
        long[] sequences = heapSequence;
        int[] slots = heapSlot;
        while (position > 0) {
            int parent = (position - 1) / ARITY;
            if (!before(time, sequence, times[parent], sequences[parent])) {
                break;
            }
            times[position] = times[parent];
            sequences[position] = sequences[parent];
            int moved = slots[parent];
            slots[position] = moved;
            positionOfSlot[moved] = position;
            position = parent;
        }
        times[position] = time;
        sequences[position] = sequence;
        slots[position] = slot;
        positionOfSlot[slot] = position;
    }

    private void siftDown(int position, long time, long sequence, int slot) {
        long[] times = heapTime;
        long[] sequences = heapSequence;
        int[] slots = heapSlot;
        int n = size;
        while (true) {
            int first = position * ARITY + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bestTime = times[first];
            long bestSequence = sequences[first];
            int end = Math.min(first + ARITY, n);
            for (int child = first + 1; child < end; child++) {
                long childTime = times[child];
                if (childTime < bestTime || (childTime == bestTime && sequences[child] < bestSequence)) {
                    best = child;
                    bestTime = childTime;
                    bestSequence = sequences[child];
                }
            }
            if (!before(bestTime, bestSequence, time, sequence)) {
                break;
            }
            times[position] = bestTime;
            sequences[position] = bestSequence;
            int moved = slots[best];
            slots[position] = moved;
            positionOfSlot[moved] = position;
            position = best;
        }
        times[position] = time;
        sequences[position] = sequence;
        slots[position] = slot;
        positionOfSlot[slot] = position;
    }

    /** Order of two entries: by time, then by scheduling order. */
    private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
        return time < otherTime || (time == otherTime && sequence < otherSequence);
    }

    private void growHeap() {
        int capacity = heapTime.length * 2;
        heapTime = Arrays.copyOf(heapTime, capacity);
        heapSequence = Arrays.copyOf(heapSequence, capacity);
        heapSlot = Arrays.copyOf(heapSlot, capacity);
    }

    private void growSlots() {
        int capacity = actions.length * 2;
        actions = Arrays.copyOf(actions, capacity);
        positionOfSlot = Arrays.copyOf(positionOfSlot, capacity);
        generation = Arrays.copyOf(generation, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
}
