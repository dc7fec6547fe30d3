package io.punchsim.realnet.process;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.realnet.runtime.EventLoop;
import io.punchsim.realnet.runtime.UdpContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands between the host and its servers and lets nothing else reach the host: for each server
 * a socket that forwards the host's datagrams to the server and the server's back to the host, and
 * drops datagrams from anyone else. The host's reflexive address is then this shim's STUN-facing
 * socket, so the client's direct attempts meet a wall while the cloud can still relay.
 */
final class HostShim implements AutoCloseable {

    private final EventLoop loop = new EventLoop();
    private final AtomicInteger dropped = new AtomicInteger();
    private Thread thread;

    /** Opens a forwarding socket for {@code server}; call before {@link #start()}. */
    Endpoint front(Endpoint server) throws IOException {
        UdpContext context = loop.open(new InetSocketAddress("127.0.0.1", 0), event -> {});
        context.start(new Machine() {
            private Context ctx;
            private Endpoint host;

            @Override
            public void start(Context ctx) {
                this.ctx = ctx;
            }

            @Override
            public void onDatagram(Endpoint source, byte[] payload) {
                if (source.equals(server)) {
                    if (host != null) {
                        ctx.send(host, payload);
                    }
                } else if (host == null || host.equals(source)) {
                    // The host speaks first (STUN request, CreateSession); anyone else comes later.
                    host = source;
                    ctx.send(server, payload);
                } else {
                    dropped.incrementAndGet();
                }
            }
        });
        return context.localAddress();
    }

    void start() {
        thread = new Thread(() -> {
            try {
                loop.run(() -> false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "host-shim");
        thread.setDaemon(true);
        thread.start();
    }

    /** Datagrams from others than the host and its servers, which never reached the host. */
    int dropped() {
        return dropped.get();
    }

    @Override
    public void close() throws InterruptedException {
        loop.stop();
        if (thread != null) {
            thread.join(5_000);
        }
        loop.close();
    }
}
