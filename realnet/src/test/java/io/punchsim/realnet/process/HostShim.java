package io.punchsim.realnet.process;

import io.punchsim.protocol.net.Endpoint;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands between the host and its servers and lets nothing else reach the host: for each server
 * a socket that forwards the host's datagrams to the server and the server's back to the host, and
 * drops datagrams from anyone else. The host's reflexive address is then this shim's STUN-facing
 * socket, so the client's direct attempts meet a wall while the cloud can still relay.
 */
final class HostShim implements AutoCloseable {

    private final Relay relay = new Relay("host-shim");
    private final AtomicInteger dropped = new AtomicInteger();

    /** Opens a forwarding socket for {@code server}; call before {@link #start()}. */
    Endpoint front(Endpoint server) throws IOException {
        return relay.front(server, (ctx, host, source, payload) -> {
            if (host != null && !host.equals(source)) {
                dropped.incrementAndGet();
                return host;
            }
            // The host speaks first (STUN request, CreateSession); anyone else comes later.
            ctx.send(server, payload);
            return source;
        });
    }

    void start() {
        relay.start();
    }

    /** Datagrams from others than the host and its servers, which never reached the host. */
    int dropped() {
        return dropped.get();
    }

    @Override
    public void close() throws InterruptedException {
        relay.close();
    }
}
