package io.punchsim.realnet.runtime;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    private final List<DatagramChannel> extra = new ArrayList<>();
    private Optional<Endpoint> gateway;
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
        sendOn(channel, to, payload);
    }

    private void sendOn(DatagramChannel from, Endpoint to, byte[] payload) {
        try {
            // A full send buffer drops the datagram (send returns 0), as a congested link would.
            if (from.send(ByteBuffer.wrap(payload), SocketAddresses.toInet(to)) > 0) {
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

    /**
     * The default route's gateway, at NAT-PMP's port, read from the kernel's routing table (Linux);
     * empty elsewhere or without a default route. Whether it answers is the gateway's business.
     */
    @Override
    public Optional<Endpoint> gateway() {
        if (gateway == null) {
            gateway = defaultGateway().map(ip -> new Endpoint(ip, io.punchsim.protocol.portmap.NatPmpWire.PORT));
        }
        return gateway;
    }

    private static Optional<Integer> defaultGateway() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/route"))) {
                String[] f = line.trim().split("\\s+");
                // Iface Destination Gateway Flags ...: the default route, gateway flag (0x2) set.
                if (f.length > 3 && f[1].equals("00000000") && (Integer.parseInt(f[3], 16) & 0x2) != 0) {
                    int le = (int) Long.parseLong(f[2].toLowerCase(Locale.ROOT), 16);
                    return Optional.of(Integer.reverseBytes(le));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No routing table to read (not Linux): no gateway to ask.
        }
        return Optional.empty();
    }

    @Override
    public int openSockets(int count, SocketReceiver receiver) {
        int opened = 0;
        for (int i = 0; i < count; i++) {
            int number = extra.size() + 1;
            try {
                extra.add(loop.openExtra(((InetSocketAddress) channel.getLocalAddress()).getAddress(),
                        (source, payload) -> {
                            datagramsReceived++;
                            receiver.onDatagram(number, source, payload);
                        }));
                opened++;
            } catch (IOException e) {
                // Out of ports or descriptors: the machine punches with the sockets it got.
                break;
            }
        }
        return opened;
    }

    @Override
    public void sendFrom(int socket, Endpoint to, byte[] payload) {
        if (socket == 0) {
            send(to, payload);
            return;
        }
        if (socket < 0 || socket > extra.size()) {
            throw new IllegalArgumentException("no socket " + socket);
        }
        sendOn(extra.get(socket - 1), to, payload);
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
