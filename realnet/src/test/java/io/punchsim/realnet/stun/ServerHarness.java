package io.punchsim.realnet.stun;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.protocol.stun.BindingTransaction;
import io.punchsim.protocol.config.Retransmission;
import io.punchsim.realnet.runtime.BackgroundLoop;
import io.punchsim.realnet.runtime.EventLoop;
import io.punchsim.realnet.runtime.SocketAddresses;
import io.punchsim.realnet.runtime.UdpContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs a loop with servers on a background thread, and Binding requests from the test's thread. */
final class ServerHarness implements AutoCloseable {

    private final BackgroundLoop background = new BackgroundLoop("test-servers");
    final EventLoop loop = background.loop();

    void startLoop() {
        background.start();
    }

    @Override
    public void close() throws InterruptedException {
        background.close();
    }

    /** What one Binding transaction from a fresh socket on {@code bindIp} learned. */
    record Binding(Endpoint local, Optional<Endpoint> mapped) {}

    static Binding bind(Endpoint server, String bindIp) throws IOException {
        List<BindingTransaction.Outcome> outcomes = new ArrayList<>();
        try (EventLoop client = new EventLoop()) {
            UdpContext context = client.open(new InetSocketAddress(bindIp, 0), event -> {});
            context.start(new Machine() {
                BindingTransaction transaction;

                @Override
                public void start(Context ctx) {
                    transaction = new BindingTransaction(ctx, server, List.of(), Retransmission.STUN_DEFAULT, outcomes::add);
                    transaction.start();
                }

                @Override
                public void onDatagram(Endpoint source, byte[] payload) {
                    transaction.onDatagram(source, payload);
                }
            });
            client.run(() -> !outcomes.isEmpty());
            Optional<Endpoint> mapped = outcomes.get(0) instanceof BindingTransaction.Answered answered
                    ? answered.mappedAddress() : Optional.empty();
            return new Binding(context.localAddress(), mapped);
        }
    }

    static int freeUdpPort(String ip) throws IOException {
        try (var socket = new java.net.DatagramSocket(new InetSocketAddress(ip, 0))) {
            return socket.getLocalPort();
        }
    }

    static Endpoint endpoint(String ip, int port) {
        return SocketAddresses.toEndpoint(new InetSocketAddress(ip, port));
    }
}
