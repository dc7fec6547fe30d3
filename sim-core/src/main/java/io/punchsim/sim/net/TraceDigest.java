package io.punchsim.sim.net;

import io.punchsim.sim.random.RandomStreams;
import java.util.Arrays;

/**
 * A 64-bit fingerprint of a whole trace: every event, its time, node, datagram id, addresses,
 * payload and drop reason. Two runs with equal digests took the same course (up to hash collisions).
 * Built only from Java-specified hashes, so it is the same on every machine.
 */
public final class TraceDigest implements TraceListener {

    private long state = 0x5EED5EED5EED5EEDL;
    private long events;

    @Override
    public void onSend(long now, String node, Datagram datagram) {
        add(1, now, node.hashCode(), datagram);
    }

    @Override
    public void onHop(long now, String from, String to, Datagram datagram) {
        add(2, now, 31 * from.hashCode() + to.hashCode(), datagram);
    }

    @Override
    public void onDeliver(long now, String node, Datagram datagram) {
        add(3, now, node.hashCode(), datagram);
    }

    @Override
    public void onDrop(long now, String node, Datagram datagram, DropReason reason) {
        add(4 + reason.ordinal(), now, node.hashCode(), datagram);
    }

    private void add(int kind, long now, int node, Datagram datagram) {
        events++;
        fold(kind);
        fold(now);
        fold(node);
        fold(datagram.id());
        fold(((long) datagram.source().ip() << 16) | datagram.source().port());
        fold(((long) datagram.destination().ip() << 16) | datagram.destination().port());
        fold(Arrays.hashCode(datagram.payload()));
    }

    private void fold(long value) {
        state = RandomStreams.mix64(state ^ value) + 0x9E3779B97F4A7C15L;
    }

    /** The digest of everything seen so far. */
    public long value() {
        return state;
    }

    /** Number of events seen. */
    public long events() {
        return events;
    }

    public String hex() {
        return String.format("%016x", state);
    }

    @Override
    public String toString() {
        return "TraceDigest[" + hex() + ", " + events + " events]";
    }
}
