package io.punchsim.sim.net;

/** Why the network did not deliver a datagram. */
public enum DropReason {
    /** A link's loss model dropped it. */
    LOSS,
    /** A link was down (a scheduled outage) when the datagram reached it. */
    LINK_DOWN,
    /** No node owns the destination address, or the path to it is not allowed from here. */
    NO_ROUTE,
    /** It reached its host but no socket is bound to the destination port. */
    NO_SOCKET,
    /** A NAT or firewall filtered an inbound datagram that matched no permission. */
    FILTERED,
    /** A NAT could not create a mapping (table full, no free port). */
    NO_MAPPING,
    /** The node is configured to drop all UDP (udp-blocked). */
    BLOCKED
}
