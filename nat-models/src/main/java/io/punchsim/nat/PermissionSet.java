package io.punchsim.nat;

import java.util.Arrays;

/**
 * The remotes a mapping has sent to: a set of non-negative longs (a remote address, or a packed
 * remote endpoint), kept in an open-addressing table of primitives.
 *
 * <p>Every inbound datagram of a filtering NAT asks it, so it must not box: a {@code Set<Long>} made
 * a new {@code Long} per question.
 */
final class PermissionSet {
    private static final long EMPTY = -1L;

    private long[] slots = newSlots(4);
    private int size;

    /** Adds {@code value}, which must be non-negative. */
    void add(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("permissions are non-negative: " + value);
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, value)) {
            size++;
        }
    }

    boolean contains(long value) {
        int mask = slots.length - 1;
        for (int i = index(value, mask); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == value) {
                return true;
            }
            if (slot == EMPTY) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] bigger = newSlots(slots.length * 2);
        for (long value : slots) {
            if (value != EMPTY) {
                insert(bigger, value);
            }
        }
        slots = bigger;
    }

    /** @return false when the value was there already */
    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        for (int i = index(value, mask); ; i = (i + 1) & mask) {
            long slot = table[i];
            if (slot == value) {
                return false;
            }
            if (slot == EMPTY) {
                table[i] = value;
                return true;
            }
        }
    }

    private static int index(long value, int mask) {
        // Packed endpoints differ mostly in their low (port) and middle (address) bits: mix before masking.
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private static long[] newSlots(int capacity) {
        long[] table = new long[capacity];
        Arrays.fill(table, EMPTY);
        return table;
    }
}
