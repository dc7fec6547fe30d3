package io.punchsim.sim.net;

/**
 * Something attached to the virtual network that datagrams arrive at: a host, a router, a NAT, a
 * STUN or cloud server. A node decides what happens to each datagram that reaches it: deliver it,
 * forward it (possibly rewritten), or drop it with a reason.
 */
public interface Node {

    /** Called once when the node is bound into a network run, before any datagram arrives. */
    void attach(NodeContext context);

    /**
     * A datagram arrived at this node.
     *
     * @param from the neighbour it came from over a link, or {@code null} when a local socket of this
     *     node sent it
     */
    void receive(Datagram datagram, Node from);

    /**
     * Whether this node only passes datagrams on (rewritten, filtered or dropped) and never runs
     * application code on receipt. The network hands such a node a datagram that crossed an ideal
     * link within the event that sent it, instead of scheduling an arrival at the same instant:
     * nothing can observe the difference but the order of same-instant events, and a run stays a
     * pure function of its seed. An end host must answer false, so that a machine's handler is
     * never entered from inside another's, and so that what a machine sends in answer to a datagram
     * never overtakes another datagram that reached its NAT at the same instant (a link that keeps
     * order makes such ties common: handing hosts their datagrams inline flipped the outcome of about
     * 1% of home-NAT runs, from the conntrack collision to a direct connection).
     */
    default boolean relaysOnly() {
        return false;
    }
}
