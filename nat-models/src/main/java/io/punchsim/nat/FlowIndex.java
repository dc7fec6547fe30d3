package io.punchsim.nat;

import java.util.Arrays;

/**
 * A NAT table's index from a flow (a packed local endpoint and the remote scope it is keyed with)
 * to its mapping: an open-addressing hash table of primitive keys, so a lookup, made for every
 * datagram through the NAT, allocates no key object.
 */
final class FlowIndex<V> {
    private long[] locals = new long[16];
    private long[] remotes = new long[16];
    private Object[] values = new Object[16];
    private int size;

    @SuppressWarnings("unchecked")
    V get(long local, long remote) {
        int mask = values.length - 1;
        for (int i = index(local, remote, mask); values[i] != null; i = (i + 1) & mask) {
            if (locals[i] == local && remotes[i] == remote) {
                return (V) values[i];
            }
        }
        return null;
    }

    boolean containsKey(long local, long remote) {
        return get(local, remote) != null;
    }

    /** Maps the flow to {@code value} (not null), replacing any earlier value. */
    void put(long local, long remote, V value) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        if (insert(locals, remotes, values, local, remote, value)) {
            size++;
        }
    }

    /** Removes the flow only while it still maps to {@code value}. */
    void remove(long local, long remote, V value) {
        int mask = values.length - 1;
        int i = index(local, remote, mask);
        while (values[i] != null && !(locals[i] == local && remotes[i] == remote)) {
            i = (i + 1) & mask;
        }
        if (values[i] != value || value == null) {
            return;
        }
        values[i] = null;
        size--;
        // Backward-shift deletion: move later entries of the probe run into the hole when their home
        // slot does not lie cyclically in (hole, their slot], so every lookup still finds them.
        int hole = i;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = index(locals[j], remotes[j], mask);
            boolean stays = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!stays) {
                locals[hole] = locals[j];
                remotes[hole] = remotes[j];
                values[hole] = values[j];
                values[j] = null;
                hole = j;
            }
        }
    }

    void clear() {
        if (size == 0) {
            return;
        }
        if (values.length > 64) {
            // A table started over for another run starts small again: clearing a grown one costs
            // its whole length, every run.
            locals = new long[16];
            remotes = new long[16];
            values = new Object[16];
        } else {
            Arrays.fill(values, null);
        }
        size = 0;
    }

    int size() {
        return size;
    }

    private void grow() {
        int capacity = values.length * 2;
        long[] newLocals = new long[capacity];
        long[] newRemotes = new long[capacity];
        Object[] newValues = new Object[capacity];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                insert(newLocals, newRemotes, newValues, locals[i], remotes[i], values[i]);
            }
        }
        locals = newLocals;
        remotes = newRemotes;
        values = newValues;
    }

    /** @return true when the flow was not there before */
    private static boolean insert(long[] locals, long[] remotes, Object[] values, long local, long remote,
            Object value) {
        int mask = values.length - 1;
        int i = index(local, remote, mask);
        while (values[i] != null) {
            if (locals[i] == local && remotes[i] == remote) {
                values[i] = value;
                return false;
            }
            i = (i + 1) & mask;
        }
        locals[i] = local;
        remotes[i] = remote;
        values[i] = value;
        return true;
    }

    private static int index(long local, long remote, int mask) {
        long h = (local * 0x9E3779B97F4A7C15L) ^ (remote * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
