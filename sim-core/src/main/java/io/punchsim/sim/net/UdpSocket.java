package io.punchsim.sim.net;

/** A UDP socket bound on a {@link Host}: sends datagrams from its local endpoint, hands arrivals to its handler. */
public final class UdpSocket {

    private final Host host;
    private final Endpoint local;
    private ReceiveHandler handler;
    private boolean open = true;

    UdpSocket(Host host, Endpoint local, ReceiveHandler handler) {
        this.host = host;
        this.local = local;
        this.handler = handler;
    }

    public Endpoint local() {
        return local;
    }

    /**
     * Sends {@code payload} (not copied: do not modify it afterwards) to {@code to}.
     *
     * @return the datagram as sent
     */
    public Datagram send(Endpoint to, byte[] payload) {
        if (!open) {
            throw new IllegalStateException("socket " + local + " is closed");
        }
        return host.send(this, to, payload);
    }

    /** Replaces the receive handler. */
    public void onReceive(ReceiveHandler newHandler) {
        this.handler = newHandler;
    }

    /** Unbinds the port; later arrivals are dropped with {@link DropReason#NO_SOCKET}. */
    public void close() {
        if (open) {
            open = false;
            host.unbind(this);
        }
    }

    public boolean isOpen() {
        return open;
    }

    void deliver(Datagram datagram) {
        handler.receive(datagram);
    }

    @Override
    public String toString() {
        return "UdpSocket[" + local + (open ? "" : ", closed") + "]";
    }
}
