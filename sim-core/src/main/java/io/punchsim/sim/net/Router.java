package io.punchsim.sim.net;

/** A node that forwards every datagram along the route toward its destination, unchanged. */
public final class Router implements Node {

    private NodeContext context;

    @Override
    public void attach(NodeContext context) {
        this.context = context;
    }

    @Override
    public void receive(Datagram datagram, Node from) {
        context.forward(datagram);
    }

    @Override
    public boolean relaysOnly() {
        return true;
    }
}
