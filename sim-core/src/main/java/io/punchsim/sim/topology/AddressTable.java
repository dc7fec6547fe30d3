package io.punchsim.sim.topology;

import java.util.Arrays;

/** Open-addressing map from IPv4 address to owning node index, so a lookup never boxes. */
final class AddressTable {

    private final int[] keys;
    private final int[] values;
    private final boolean[] used;
    private final int mask;

    AddressTable(int[] addresses, int[] owners) {
        int capacity = Integer.highestOneBit(Math.max(4, addresses.length * 4) - 1) << 1;
        keys = new int[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
        for (int i = 0; i < addresses.length; i++) {
            int slot = slotOf(addresses[i]);
            if (used[slot]) {
                throw new IllegalArgumentException("address owned twice: " + io.punchsim.sim.net.Ipv4.format(addresses[i]));
            }
            used[slot] = true;
            keys[slot] = addresses[i];
            values[slot] = owners[i];
        }
    }

    /** The owner of {@code address}, or -1. */
    int get(int address) {
        int slot = slotOf(address);
        return used[slot] ? values[slot] : -1;
    }

    private int slotOf(int address) {
        int slot = mix(address) & mask;
        while (used[slot] && keys[slot] != address) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int mix(int x) {
        x *= 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    @Override
    public String toString() {
        return "AddressTable" + Arrays.toString(keys);
    }
}
