package io.punchsim.sim.net;

import java.util.Arrays;

/**
 * An end host: owns addresses, binds UDP sockets, sends and receives. It does not forward: a
 * datagram reaching it for an address it does not own is dropped with {@link DropReason#NO_ROUTE},
 * one for a port with no socket with {@link DropReason#NO_SOCKET}.
 */
public final class Host implements Node {

    /** The IANA dynamic port range, where ephemeral ports are picked. */
    public static final int EPHEMERAL_FIRST = 49152;
    public static final int EPHEMERAL_LAST = 65535;

    private NodeContext context;
    private static final int[] NO_ADDRESSES = {};

    private int[] addresses = NO_ADDRESSES;
    // Hosts hold a handful of sockets; a linear scan beats hashing boxed ports.
    private UdpSocket[] sockets = new UdpSocket[4];
    private int socketCount;

    /**
     * Makes this host, bound in an earlier run of a network, a new one with no socket, to be bound
     * again: a network run after run binds the same host object (see {@link Network#previous}).
     * Its sockets are closed.
     *
     * @return this host
     */
    public Host reuse() {
        while (socketCount > 0) {
            sockets[socketCount - 1].close();
        }
        context = null;
        addresses = NO_ADDRESSES;
        return this;
    }

    @Override
    public void attach(NodeContext newContext) {
        this.context = newContext;
        this.addresses = newContext.addresses();
        if (addresses.length == 0) {
            throw new IllegalStateException("host '" + newContext.name() + "' owns no address");
        }
    }

    /** The primary address. */
    public int address() {
        requireAttached();
        return addresses[0];
    }

    public String name() {
        requireAttached();
        return context.name();
    }

    /** Binds {@code port} on the primary address; port 0 picks an ephemeral port. */
    public UdpSocket bind(int port, ReceiveHandler handler) {
        requireAttached();
        if (port == 0) {
            return bindEphemeral(handler);
        }
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (find(port) != null) {
            throw new IllegalStateException("port " + port + " already bound on " + context.name());
        }
        return add(new UdpSocket(this, new Endpoint(addresses[0], port), handler));
    }

    /** Binds a free port from the dynamic range, chosen with the host's random stream. */
    public UdpSocket bindEphemeral(ReceiveHandler handler) {
        requireAttached();
        int span = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1;
        int start = context.random().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = EPHEMERAL_FIRST + (start + i) % span;
            if (find(port) == null) {
                return add(new UdpSocket(this, new Endpoint(addresses[0], port), handler));
            }
        }
        throw new IllegalStateException("no free ephemeral port on " + context.name());
    }

    @Override
    public void receive(Datagram datagram, Node from) {
        if (!owns(datagram.destination().ip())) {
            context.drop(datagram, DropReason.NO_ROUTE);
            return;
        }
        UdpSocket socket = find(datagram.destination().port());
        if (socket == null) {
            context.drop(datagram, DropReason.NO_SOCKET);
            return;
        }
        context.delivered(datagram);
        socket.deliver(datagram);
    }

    Datagram send(UdpSocket socket, Endpoint to, byte[] payload) {
        Datagram datagram = new Datagram(context.nextDatagramId(), socket.local(), to, payload);
        context.send(datagram);
        return datagram;
    }

    void unbind(UdpSocket socket) {
        for (int i = 0; i < socketCount; i++) {
            if (sockets[i] == socket) {
                sockets[i] = sockets[--socketCount];
                sockets[socketCount] = null;
                return;
            }
        }
    }

    private boolean owns(int ip) {
        for (int address : addresses) {
            if (address == ip) {
                return true;
            }
        }
        return false;
    }

    private UdpSocket find(int port) {
        for (int i = 0; i < socketCount; i++) {
            if (sockets[i].local().port() == port) {
                return sockets[i];
            }
        }
        return null;
    }

    private UdpSocket add(UdpSocket socket) {
        if (socketCount == sockets.length) {
            sockets = Arrays.copyOf(sockets, socketCount * 2);
        }
        sockets[socketCount++] = socket;
        return socket;
    }

    private void requireAttached() {
        if (context == null) {
            throw new IllegalStateException("host is not bound into a network");
        }
    }
}
