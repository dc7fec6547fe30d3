package io.punchsim.realnet.process;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.realnet.runtime.EventLoop;
import io.punchsim.realnet.runtime.UdpContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * A slow link between a peer and one server: a socket that forwards what the peer sends to the
 * server after a delay, and the server's answers back at once. The server sees the peer at this
 * socket's address.
 */
final class SlowLink implements AutoCloseable {

    private final EventLoop loop = new EventLoop();
    private final Endpoint front;
    private Thread thread;

    SlowLink(Endpoint server, long delayNanos) throws IOException {
        UdpContext context = loop.open(new InetSocketAddress("127.0.0.1", 0), event -> {});
        context.start(new Machine() {
            private Context ctx;
            private Endpoint peer;

            @Override
            public void start(Context ctx) {
                this.ctx = ctx;
            }

            @Override
            public void onDatagram(Endpoint source, byte[] payload) {
                if (source.equals(server)) {
                    if (peer != null) {
                        ctx.send(peer, payload);
                    }
                } else {
                    peer = source;
                    ctx.setTimer(ctx.now() + delayNanos, () -> ctx.send(server, payload));
                }
            }
        });
        front = context.localAddress();
        thread = new Thread(() -> {
            try {
                loop.run(() -> false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "slow-link");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where the peer should send to reach the server. */
    Endpoint front() {
        return front;
    }

    @Override
    public void close() throws InterruptedException {
        loop.stop();
        thread.join(5_000);
        loop.close();
    }
}
