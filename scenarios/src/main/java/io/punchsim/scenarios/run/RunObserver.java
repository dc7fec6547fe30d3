package io.punchsim.scenarios.run;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.sim.net.TraceListener;

/**
 * Watches one run step by step, for {@code punchsim trace}: the protocol's steps and, optionally,
 * every datagram the network carries. Sweeps run without one, at no cost.
 */
public interface RunObserver {

    /** A step of the connection process, in virtual-time order. */
    void onStep(StepEvent event);

    /** The listener for the network's sends, hops, deliveries and drops; null for none. */
    default TraceListener packets() {
        return null;
    }

    /** The NATs drawn for this run, before it starts. */
    default void onNats(String hostNat, String clientNat) {}
}
