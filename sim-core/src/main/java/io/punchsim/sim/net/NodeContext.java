package io.punchsim.sim.net;

import io.punchsim.sim.event.Scheduler;
import org.apache.commons.rng.UniformRandomProvider;

/** What the network gives a node: time, forwarding, drops, timers and its own random stream. */
public interface NodeContext {

    /** Current virtual time in nanoseconds. */
    long now();

    /** The node's name in the topology. */
    String name();

    /**
     * Sends the datagram onward along the precomputed route toward the node that owns its
     * destination address; drops it with {@link DropReason#NO_ROUTE} when there is none.
     */
    void forward(Datagram datagram);

    /** Records that this node dropped the datagram (for the trace and for counters). */
    void drop(Datagram datagram, DropReason reason);

    /** The run's scheduler, for timers such as mapping expiry. */
    Scheduler scheduler();

    /**
     * A random stream private to this node, derived from the run's root seed and the node's name,
     * so that adding a node elsewhere does not shift this node's draws.
     */
    UniformRandomProvider random();

    /** A fresh datagram id for traffic this node originates. */
    long nextDatagramId();

    /**
     * Sends a datagram this node originates: recorded as a send in the trace, then forwarded like
     * {@link #forward}. A datagram addressed to this node itself comes back to its
     * {@link Node#receive} with {@code from == null}.
     */
    default void send(Datagram datagram) {
        forward(datagram);
    }

    /** Records that this node handed the datagram to its final recipient (a bound socket). */
    default void delivered(Datagram datagram) {
        // nothing to record by default
    }

    /**
     * The addresses this node owns in the topology, first the primary one; none if not known. The
     * array may be shared by every run: read it, do not modify it.
     */
    default int[] addresses() {
        return new int[0];
    }
}
