package io.punchsim.nat;

import io.punchsim.sim.net.DropReason;
import io.punchsim.sim.net.Endpoint;

/** What a NAT table decided for one datagram. */
public sealed interface NatVerdict {

    /**
     * Send the datagram on with these addresses. {@code hairpin} marks an outbound datagram that
     * was addressed to the NAT's own external endpoint and now goes back inside.
     */
    record Pass(Endpoint source, Endpoint destination, boolean hairpin) implements NatVerdict {}

    /** Drop the datagram. */
    record Drop(DropReason reason) implements NatVerdict {}

    default boolean passed() {
        return this instanceof Pass;
    }
}
