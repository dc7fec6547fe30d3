package io.punchsim.bench;

import io.punchsim.sim.event.Scheduler;
import java.util.Arrays;

/**
 * Measured alternative to an indexed heap: cancellation only marks the slot dead; dead entries
 * are skipped when they reach the top, and the heap is rebuilt when more than half of it is dead.
 */
public final class LazyCancelEventLoop implements Scheduler {

    private static final int ARITY = 4;

    private long now;
    private long nextSequence;
    private long[] heapTime = new long[64];
    private long[] heapSequence = new long[64];
    private int[] heapSlot = new int[64];
    private int size;
    private int dead;
    private Runnable[] actions = new Runnable[64];
    private int[] generation = new int[64];
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int slotCount;

    @Override
    public long now() {
        return now;
    }

    public int pending() {
        return size - dead;
    }

    @Override
    public long schedule(long atNanos, Runnable action) {
        if (atNanos < now) {
            throw new IllegalArgumentException("past");
        }
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotCount == actions.length) {
                int capacity = actions.length * 2;
                actions = Arrays.copyOf(actions, capacity);
                generation = Arrays.copyOf(generation, capacity);
                freeSlots = Arrays.copyOf(freeSlots, capacity);
            }
            slot = slotCount++;
        }
        generation[slot]++;
        actions[slot] = action;
        if (size == heapTime.length) {
            int capacity = size * 2;
            heapTime = Arrays.copyOf(heapTime, capacity);
            heapSequence = Arrays.copyOf(heapSequence, capacity);
            heapSlot = Arrays.copyOf(heapSlot, capacity);
        }
        siftUp(size++, atNanos, nextSequence++, slot);
        return ((long) generation[slot] << 32) | slot;
    }

    @Override
    public boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotCount || generation[slot] != (int) (handle >>> 32) || actions[slot] == null) {
            return false;
        }
        actions[slot] = null;
        dead++;
        if (dead > 32 && dead > size / 2) {
            compact();
        }
        return true;
    }

    public boolean step() {
        while (size > 0) {
            int slot = heapSlot[0];
            long time = heapTime[0];
            removeRoot();
            Runnable action = actions[slot];
            actions[slot] = null;
            freeSlots[freeCount++] = slot;
            if (action == null) {
                dead--;
                continue;
            }
            now = time;
            action.run();
            return true;
        }
        return false;
    }

    public void run() {
        while (step()) {
            // one event per step
        }
    }

    private void removeRoot() {
        int last = --size;
        if (last > 0) {
            siftDown(0, heapTime[last], heapSequence[last], heapSlot[last]);
        }
    }

    private void compact() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int slot = heapSlot[i];
            if (actions[slot] != null) {
                heapTime[kept] = heapTime[i];
                heapSequence[kept] = heapSequence[i];
                heapSlot[kept++] = slot;
            } else {
                freeSlots[freeCount++] = slot;
            }
        }
        size = kept;
        dead = 0;
        for (int i = (size - 2) / ARITY; i >= 0; i--) {
            siftDown(i, heapTime[i], heapSequence[i], heapSlot[i]);
        }
    }

    private void siftUp(int position, long time, long sequence, int slot) {
        while (position > 0) {
            int parent = (position - 1) / ARITY;
            long parentTime = heapTime[parent];
            if (time > parentTime || (time == parentTime && sequence > heapSequence[parent])) {
                break;
            }
            heapTime[position] = parentTime;
            heapSequence[position] = heapSequence[parent];
            heapSlot[position] = heapSlot[parent];
            position = parent;
        }
        heapTime[position] = time;
        heapSequence[position] = sequence;
        heapSlot[position] = slot;
    }

    private void siftDown(int position, long time, long sequence, int slot) {
        int n = size;
        while (true) {
            int first = position * ARITY + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bestTime = heapTime[first];
            long bestSequence = heapSequence[first];
            int end = Math.min(first + ARITY, n);
            for (int child = first + 1; child < end; child++) {
                long childTime = heapTime[child];
                if (childTime < bestTime || (childTime == bestTime && heapSequence[child] < bestSequence)) {
                    best = child;
                    bestTime = childTime;
                    bestSequence = heapSequence[child];
                }
            }
            if (time < bestTime || (time == bestTime && sequence < bestSequence)) {
                break;
            }
            heapTime[position] = bestTime;
            heapSequence[position] = bestSequence;
            heapSlot[position] = heapSlot[best];
            position = best;
        }
        heapTime[position] = time;
        heapSequence[position] = sequence;
        heapSlot[position] = slot;
    }
}
