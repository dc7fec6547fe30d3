package io.punchsim.realnet.runtime;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The {@link Context} of one machine on one real UDP socket: time from the loop's monotonic clock,
 * timers on the loop's thread, the OS's random source, and datagrams sent from the
 * socket.
 */
public final class UdpContext implements Context {

    private final EventLoop loop;
    private final DatagramChannel channel;
    private final Consumer<StepEvent> events;
    private final Endpoint localAddress;
    /**
     * From the OS, for every draw: the cloud's session ids and pairing nonces must be unguessable,
     * and a seeded generator's output would give its seed away.
     */
    private final RandomGenerator random = new SecureRandom();
    private Machine machine;
    private long datagramsSent;
    private long datagramsReceived;
    private long sendsFailed;

    UdpContext(EventLoop loop, DatagramChannel channel, Consumer<StepEvent> events) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.events = events;
        this.localAddress = SocketAddresses.toEndpoint((InetSocketAddress) channel.getLocalAddress());
    }

    /** Hands this socket to {@code machine} and starts it; call on the loop's thread, once. */
    public void start(Machine machine) {
        if (this.machine != null) {
            throw new IllegalStateException("a machine already runs on " + localAddress);
        }
        this.machine = machine;
        machine.start(this);
    }

    DatagramChannel channel() {
        return channel;
    }

    void deliver(Endpoint source, byte[] payload) {
        if (machine != null) {
            datagramsReceived++;
            machine.onDatagram(source, payload);
        }
    }

    @Override
    public long now() {
        return loop.now();
    }

    @Override
    public Endpoint localAddress() {
        return localAddress;
    }

    @Override
    public void send(Endpoint to, byte[] payload) {
        try {
            // A full send buffer drops the datagram (send returns 0), as a congested link would.
            if (channel.send(ByteBuffer.wrap(payload), SocketAddresses.toInet(to)) > 0) {
                datagramsSent++;
            } else {
                sendsFailed++;
            }
        } catch (IOException e) {
            // No route, unreachable network: UDP gives no guarantee, so the protocol copes as with loss.
            sendsFailed++;
        }
    }

    @Override
    public long setTimer(long atNanos, Runnable action) {
        return loop.setTimer(atNanos, action);
    }

    @Override
    public void cancelTimer(long handle) {
        loop.cancelTimer(handle);
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public void emit(StepEvent event) {
        events.accept(event);
    }

    public long datagramsSent() {
        return datagramsSent;
    }

    public long datagramsReceived() {
        return datagramsReceived;
    }

    /** Datagrams the OS refused to send (no route, full buffer). */
    public long sendsFailed() {
        return sendsFailed;
    }
}
