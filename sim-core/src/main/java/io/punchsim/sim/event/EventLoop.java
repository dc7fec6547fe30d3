package io.punchsim.sim.event;

import java.util.Arrays;

/**
 * The scheduler and run loop of one simulation run: single-threaded, reusable through {@link #reset()}.
 *
 * <p>Pending events are the leaves of a tournament tree (a winner tree). Each event occupies a slot,
 * and slot {@code s} is leaf {@code s} of a complete binary tree; every inner node holds the earlier
 * of its two children, so the root holds the next event to run. A node is two longs side by side in
 * one array: the time, and a key holding the event's sequence number (its scheduling order) in the
 * high half and its slot in the low half. Comparing keys compares sequence numbers, so a tie on time
 * costs no lookup and events due at the same instant run in scheduling order. A free leaf holds a
 * sentinel that orders after every event.
 *
 * <p>Scheduling, running and cancelling all come down to writing one leaf and replaying its path to
 * the root: one comparison with the sibling per level, chosen with arithmetic on the two words
 * instead of branches (times and keys are never negative, so a difference never overflows). The
 * number of levels is fixed by the number of slots in use and the nodes visited depend only on the
 * slot, never on the times, so the walk has neither mispredicted jumps nor loads waiting on
 * comparisons. A handle names the slot and the slot's generation, so {@link #cancel(long)} finds the
 * event directly and removes it in logarithmic time, and a stale handle (fired, cancelled, or from
 * before a reset) is recognised and ignored.
 *
 * <p>Most events schedule another as they run. So {@link #step()} leaves the running event's leaf as
 * it is, and the first event scheduled meanwhile takes over that slot with a single replay, instead of
 * one replay to empty the leaf and another to fill a leaf.
 *
 * <p>Events the kernel schedules for the current instant and never cancels (a datagram crossing a
 * link without delay, about a third of a session's events) skip the tree: {@link #scheduleNow} puts
 * them in a first-in first-out lane beside it, each with the sequence number it would have had
 * there, and {@link #step()} runs the lane's head unless the tree's top is due now and was scheduled
 * earlier. Everything in the lane is due now (time cannot pass while it holds an event, since its
 * events come first), so the order is exactly that of the tree alone.
 *
 * <p>The tree spans the smallest power of two of slots that has held every slot used since the last
 * reset (slots are reused last-freed first), so its depth follows the largest number of events that
 * were pending at once, not the current number. Sequence numbers fill 31 bits; when they run out, the
 * pending events are renumbered in their order, which changes no comparison, and numbering continues.
 */
public final class EventLoop implements Scheduler {

    private static final int INITIAL_CAPACITY = 64;
    private static final int SLOT_BITS = 32;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    /** First sequence number that no longer fits in a key. */
    private static final long SEQUENCE_LIMIT = 1L << 31;
    /** Time and key of a free leaf, and of a node whose leaves are all free: after every event. */
    private static final long SENTINEL = Long.MAX_VALUE;

    private final long sequenceLimit;

    private long now;
    private long nextSequence;
    private boolean stopRequested;

    // Node v of the tree: tree[2v] is its time, tree[2v + 1] its key (sequence << 32 | slot). Node 1
    // would be the root of all capacity leaves, which are nodes capacity .. 2 capacity - 1; the tree
    // in use is the subtree under node root, over the first capacity / root leaves.
    private long[] tree = sentinels(4 * INITIAL_CAPACITY);
    private int capacity = INITIAL_CAPACITY;
    private int root = INITIAL_CAPACITY;
    private int pending;
    // True while step() runs the event of vacantSlot, whose leaf still holds it.
    private boolean topVacant;
    private int vacantSlot;

    // Slots, indexed by slot number. A slot's generation changes when its event runs or is
    // cancelled, so only the handle of a pending event matches it.
    private Runnable[] actions = new Runnable[INITIAL_CAPACITY];
    private int[] generation = new int[INITIAL_CAPACITY];
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotCount;

    private long executed;

    // The lane of events due now: a ring of events and their sequence numbers, head to tail.
    private KernelEvent[] laneEvents = new KernelEvent[16];
    private long[] laneSequences = new long[16];
    private int laneHead;
    private int laneCount;

    public EventLoop() {
        this(SEQUENCE_LIMIT);
    }

    /** For tests: renumbers pending events whenever {@code sequenceLimit} sequence numbers are used. */
    EventLoop(long sequenceLimit) {
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
        return pending + laneCount;
    }

    /** Number of events run since the last reset. */
    public long executed() {
        return executed;
    }

    /** Time of the earliest pending event, or {@link Long#MAX_VALUE} when none is pending. */
    public long nextEventTime() {
        if (laneCount > 0) {
            return now;
        }
        settle();
        return tree[2 * root];
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
        int slot;
        if (topVacant) {
            topVacant = false;
            slot = vacantSlot;
        } else {
            slot = allocateSlot();
        }
        actions[slot] = action;
        pending++;
        long handle = ((long) generation[slot] << 32) | slot;
        replay(slot, atNanos, (nextSequence++ << SLOT_BITS) | slot);
        return handle;
    }

    /**
     * Runs {@code event} at the current instant, after every event scheduled before it, as {@code
     * schedule(now(), event)} would, but without a handle: it cannot be cancelled. For the kernel's
     * own events, which are never cancelled, this costs an append instead of a walk of the tree.
     */
    public void scheduleNow(KernelEvent event) {
        if (nextSequence >= sequenceLimit) {
            renumber();
        }
        if (laneCount == laneEvents.length) {
            widenLane();
        }
        int at = (laneHead + laneCount) & (laneEvents.length - 1);
        laneEvents[at] = event;
        laneSequences[at] = nextSequence++;
        laneCount++;
    }

    /** Doubles the lane, its events moved to the front in order. */
    private void widenLane() {
        int length = laneEvents.length;
        KernelEvent[] events = new KernelEvent[2 * length];
        long[] sequences = new long[2 * length];
        for (int i = 0; i < laneCount; i++) {
            events[i] = laneEvents[(laneHead + i) & (length - 1)];
            sequences[i] = laneSequences[(laneHead + i) & (length - 1)];
        }
        laneEvents = events;
        laneSequences = sequences;
        laneHead = 0;
    }

    @Override
    public boolean cancel(long handle) {
        int slot = (int) handle;
        int handleGeneration = (int) (handle >>> 32);
        if (slot < 0 || slot >= slotCount || generation[slot] != handleGeneration) {
            return false;
        }
        retire(slot);
        actions[slot] = null;
        pending--;
        freeSlots[freeCount++] = slot;
        replay(slot, SENTINEL, SENTINEL);
        return true;
    }

    /**
     * Runs the earliest pending event, advancing time to it.
     *
     * @return false when nothing was pending
     */
    public boolean step() {
        settle();
        long[] t = tree;
        int top = 2 * root;
        long key = t[top + 1];
        if (laneCount > 0 && (key == SENTINEL || t[top] != now || (key >>> SLOT_BITS) > laneSequences[laneHead])) {
            // The lane's head is due now; the tree is empty, its top is later, or due now but scheduled after it.
            KernelEvent event = laneEvents[laneHead];
            laneEvents[laneHead] = null;
            laneHead = (laneHead + 1) & (laneEvents.length - 1);
            laneCount--;
            executed++;
            event.deliver();
            return true;
        }
        if (key == SENTINEL) {
            return false;
        }
        int slot = (int) key;
        now = t[top];
        Runnable action = actions[slot];
        actions[slot] = null;
        retire(slot);
        pending--;
        vacantSlot = slot;
        topVacant = true;
        executed++;
        if (action instanceof KernelEvent kernel) {
            kernel.deliver();
        } else {
            action.run();
        }
        return true;
    }

    /** Frees the leaf of an event that ran and scheduled nothing in its place. */
    private void settle() {
        if (topVacant) {
            topVacant = false;
            freeSlots[freeCount++] = vacantSlot;
            replay(vacantSlot, SENTINEL, SENTINEL);
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
        while (!stopRequested && nextEventTime() <= limitNanos && step()) {
            // each step runs one event
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
        if (pending > 0 || topVacant) {
            Arrays.fill(tree, SENTINEL);
        }
        Arrays.fill(actions, 0, slotCount, null);
        for (int i = 0; i < laneCount; i++) {
            laneEvents[(laneHead + i) & (laneEvents.length - 1)] = null;
        }
        laneHead = 0;
        laneCount = 0;
        // Generations move on, so that a handle from before the reset can never cancel a new event.
        for (int slot = 0; slot < slotCount; slot++) {
            retire(slot);
        }
        root = capacity;
        pending = 0;
        topVacant = false;
        slotCount = 0;
        freeCount = 0;
        now = 0;
        nextSequence = 0;
        executed = 0;
        stopRequested = false;
    }

    /** Writes a leaf and recomputes every node from it to the root. */
    private void replay(int slot, long time, long key) {
        long[] t = tree;
        int top = root;
        int node = capacity + slot;
        t[2 * node] = time;
        t[2 * node + 1] = key;
        while (node > top) {
            int sibling = 2 * (node ^ 1);
            long siblingTime = t[sibling];
            long siblingKey = t[sibling + 1];
            // All ones when the sibling comes first: its key difference borrows from its time difference.
            long first = ((siblingTime - time) + ((siblingKey - key) >> 63)) >> 63;
            time ^= (time ^ siblingTime) & first;
            key ^= (key ^ siblingKey) & first;
            node >>= 1;
            t[2 * node] = time;
            t[2 * node + 1] = key;
        }
    }

    /** Makes the handles of a slot's current event stale. Never zero, so no handle is zero. */
    private void retire(int slot) {
        int next = generation[slot] + 1;
        generation[slot] = next == 0 ? 1 : next;
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        int slot = slotCount;
        if (slot == capacity / root) {
            widen();
        }
        if (generation[slot] == 0) {
            generation[slot] = 1;
        }
        slotCount = slot + 1;
        return slot;
    }

    /**
     * Doubles the span of the tree in use, for a slot that lies just past it: the new root's right
     * subtree has only free leaves, and the new root gets its value when that slot's leaf is
     * replayed, which schedule() does next. At full capacity the arrays double first.
     */
    private void widen() {
        if (root == 1) {
            grow();
        }
        root >>= 1;
    }

    /** Doubles the arrays: the leaves move to the new bottom level and the inner nodes are recomputed. */
    private void grow() {
        int old = capacity;
        int doubled = 2 * old;
        long[] t = sentinels(4 * doubled);
        System.arraycopy(tree, 2 * old, t, 2 * doubled, 2 * old);
        tree = t;
        capacity = doubled;
        root = 2; // the old tree sits under node 2 of the new one
        rebuild();
        actions = Arrays.copyOf(actions, doubled);
        generation = Arrays.copyOf(generation, doubled);
        freeSlots = Arrays.copyOf(freeSlots, doubled);
    }

    /** Recomputes every inner node from the leaves. */
    private void rebuild() {
        long[] t = tree;
        for (int node = capacity - 1; node >= 1; node--) {
            int left = 4 * node;
            long first = ((t[left + 2] - t[left]) + ((t[left + 3] - t[left + 1]) >> 63)) >> 63;
            t[2 * node] = t[left] ^ ((t[left] ^ t[left + 2]) & first);
            t[2 * node + 1] = t[left + 1] ^ ((t[left + 1] ^ t[left + 3]) & first);
        }
    }

    /**
     * Gives the pending events the sequence numbers 0, 1, ... in their current order (so no two
     * events compare differently) and continues numbering after them.
     */
    private void renumber() {
        settle();
        long[] t = tree;
        int base = 2 * capacity;
        long[] sequences = new long[pending + laneCount];
        int count = 0;
        for (int slot = 0; slot < slotCount; slot++) {
            long key = t[base + 2 * slot + 1];
            if (key != SENTINEL) {
                sequences[count++] = key >>> SLOT_BITS;
            }
        }
        int mask = laneEvents.length - 1;
        for (int i = 0; i < laneCount; i++) {
            sequences[count++] = laneSequences[(laneHead + i) & mask];
        }
        Arrays.sort(sequences);
        for (int slot = 0; slot < slotCount; slot++) {
            long key = t[base + 2 * slot + 1];
            if (key != SENTINEL) {
                long rank = Arrays.binarySearch(sequences, key >>> SLOT_BITS);
                t[base + 2 * slot + 1] = (rank << SLOT_BITS) | (key & SLOT_MASK);
            }
        }
        for (int i = 0; i < laneCount; i++) {
            laneSequences[(laneHead + i) & mask] = Arrays.binarySearch(sequences, laneSequences[(laneHead + i) & mask]);
        }
        rebuild();
        nextSequence = pending + laneCount;
    }

    private static long[] sentinels(int length) {
        long[] array = new long[length];
        Arrays.fill(array, SENTINEL);
        return array;
    }
}
