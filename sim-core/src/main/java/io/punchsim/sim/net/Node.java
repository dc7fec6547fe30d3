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
}
