package io.punchsim.sim.net;

/**
 * Sees every datagram event of a run, in order. All methods default to doing nothing. When no
 * listener is attached the network skips the calls entirely.
 */
public interface TraceListener {

    /** A node originated the datagram. */
    default void onSend(long now, String node, Datagram datagram) {}

    /** The datagram entered the link direction from {@code from} to {@code to} and will arrive later. */
    default void onHop(long now, String from, String to, Datagram datagram) {}

    /** The datagram reached a bound socket on {@code node}. */
    default void onDeliver(long now, String node, Datagram datagram) {}

    /** The datagram was dropped at (or on the link leaving) {@code node}. */
    default void onDrop(long now, String node, Datagram datagram, DropReason reason) {}

    /** A listener that tells both, first {@code a}. */
    static TraceListener both(TraceListener a, TraceListener b) {
        return new TraceListener() {
            @Override
            public void onSend(long now, String node, Datagram datagram) {
                a.onSend(now, node, datagram);
                b.onSend(now, node, datagram);
            }

            @Override
            public void onHop(long now, String from, String to, Datagram datagram) {
                a.onHop(now, from, to, datagram);
                b.onHop(now, from, to, datagram);
            }

            @Override
            public void onDeliver(long now, String node, Datagram datagram) {
                a.onDeliver(now, node, datagram);
                b.onDeliver(now, node, datagram);
            }

            @Override
            public void onDrop(long now, String node, Datagram datagram, DropReason reason) {
                a.onDrop(now, node, datagram, reason);
                b.onDrop(now, node, datagram, reason);
            }
        };
    }
}
