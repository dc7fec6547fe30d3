package io.punchsim.reports.outcome;

import java.util.Arrays;

/**
 * Packets and bytes sent during one run, indexed by {@link TrafficKind#ordinal()}.
 *
 * <p>The arrays are taken over, not copied: millions of these are made per second, so the producer
 * hands over arrays it no longer touches.
 */
public record TrafficCounts(long[] packets, long[] bytes) {

    /** No traffic at all. */
    public static final TrafficCounts NONE = new TrafficCounts(new long[TrafficKind.COUNT], new long[TrafficKind.COUNT]);

    public TrafficCounts {
        if (packets.length != TrafficKind.COUNT || bytes.length != TrafficKind.COUNT) {
            throw new IllegalArgumentException("traffic arrays must have one entry per TrafficKind ("
                    + TrafficKind.COUNT + "), got " + packets.length + " and " + bytes.length);
        }
    }

    public long packets(TrafficKind kind) {
        return packets[kind.ordinal()];
    }

    public long bytes(TrafficKind kind) {
        return bytes[kind.ordinal()];
    }

    public long totalPackets() {
        long total = 0;
        for (long p : packets) {
            total += p;
        }
        return total;
    }

    public long totalBytes() {
        long total = 0;
        for (long b : bytes) {
            total += b;
        }
        return total;
    }

    /** A mutable tally a run fills as it sends, turned into a {@link TrafficCounts} at the end. */
    public static final class Tally {
        private final long[] packets = new long[TrafficKind.COUNT];
        private final long[] bytes = new long[TrafficKind.COUNT];

        public Tally count(TrafficKind kind, int datagramBytes) {
            packets[kind.ordinal()]++;
            bytes[kind.ordinal()] += datagramBytes;
            return this;
        }

        public TrafficCounts toCounts() {
            return new TrafficCounts(packets.clone(), bytes.clone());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficCounts other
                && Arrays.equals(packets, other.packets)
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(packets) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TrafficCounts[packets=" + Arrays.toString(packets) + ", bytes=" + Arrays.toString(bytes) + "]";
    }
}
