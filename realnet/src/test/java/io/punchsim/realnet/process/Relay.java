package io.punchsim.realnet.process;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.realnet.runtime.BackgroundLoop;
import io.punchsim.realnet.runtime.UdpContext;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Sockets on a loop thread of their own, each standing in front of one server: what the server
 * sends goes back to the party in front of it, and what others send goes on as an {@link Upstream}
 * decides. The tests' relays differ only in that decision.
 */
final class Relay implements AutoCloseable {

    /** What a relay does with a datagram from anyone but its server. */
    @FunctionalInterface
    interface Upstream {
        /**
         * Passes {@code payload} from {@code source} on to the server, or drops it.
         *
         * @param party who hears the server's answers so far; null before anyone spoke
         * @return who hears them from now on
         */
        Endpoint fromParty(Context ctx, Endpoint party, Endpoint source, byte[] payload);
    }

    private final BackgroundLoop background;

    Relay(String threadName) {
        this.background = new BackgroundLoop(threadName);
    }

    /** Opens a socket in front of {@code server} and returns its address; call before {@link #start()}. */
    Endpoint front(Endpoint server, Upstream upstream) throws IOException {
        UdpContext context = background.loop().open(new InetSocketAddress("127.0.0.1", 0), event -> {});
        context.start(new Machine() {
            private Context ctx;
            private Endpoint party;

            @Override
            public void start(Context ctx) {
                this.ctx = ctx;
            }

            @Override
            public void onDatagram(Endpoint source, byte[] payload) {
                if (!source.equals(server)) {
                    party = upstream.fromParty(ctx, party, source, payload);
                } else if (party != null) {
                    ctx.send(party, payload);
                }
            }
        });
        return context.localAddress();
    }

    void start() {
        background.start();
    }

    @Override
    public void close() throws InterruptedException {
        background.close();
    }
}
