package io.punchsim.realnet.process;

import io.punchsim.protocol.net.Endpoint;
import java.io.IOException;

/**
 * A slow link between a peer and one server: a socket that forwards what the peer sends to the
 * server after a delay, and the server's answers back at once. The server sees the peer at this
 * socket's address.
 */
final class SlowLink implements AutoCloseable {

    private final Relay relay = new Relay("slow-link");
    private final Endpoint front;

    SlowLink(Endpoint server, long delayNanos) throws IOException {
        front = relay.front(server, (ctx, peer, source, payload) -> {
            ctx.setTimer(ctx.now() + delayNanos, () -> ctx.send(server, payload));
            return source;
        });
        relay.start();
    }

    /** Where the peer should send to reach the server. */
    Endpoint front() {
        return front;
    }

    @Override
    public void close() throws InterruptedException {
        relay.close();
    }
}
