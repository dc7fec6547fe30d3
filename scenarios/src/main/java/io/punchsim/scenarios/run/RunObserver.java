package io.punchsim.scenarios.run;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.sim.net.TraceListener;
import java.util.List;

/**
 * Watches one run step by step, for {@code punchsim trace}: the protocol's steps and, optionally,
 * every datagram the network carries. Sweeps run without one, at no cost.
 */
public interface RunObserver {

    /**
     * A step of the connection process, in virtual-time order, taken by {@code peer}: {@code host},
     * {@code cloud}, {@code stun}, or a client by its name ({@code client}, {@code client-2} …).
     */
    void onStep(String peer, StepEvent event);

    /** The peer name of client {@code k} (from 0), as {@link #onStep} gives it: {@code client}, then {@code client-2} … */
    static String clientName(int k) {
        return SiteLayout.clientName(k);
    }

    /** The index of the client a peer name names, the inverse of {@link #clientName}; -1 for any other peer or node. */
    static int clientIndex(String peer) {
        return SiteLayout.clientIndex(peer);
    }

    /** The listener for the network's sends, hops, deliveries and drops; null for none. */
    default TraceListener packets() {
        return null;
    }

    /** The NATs drawn for this run, before it starts: the host's and each client's, by client index. */
    default void onNats(String hostNat, List<String> clientNats) {}

    /**
     * A fault of the scenario that takes effect in this run at {@code atNanos} (a link going down or
     * up, a loss burst starting or ending, a NAT dropping its mappings), told before the run starts.
     */
    default void onFault(long atNanos, String description) {}
}
