package io.punchsim.realnet.process;

import io.punchsim.protocol.net.Endpoint;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A plain UDP socket in the test's hands, as an attacker (or a victim) has one: it sends whatever
 * bytes it is told and keeps every datagram that reaches it, with its source.
 */
final class RawUdp implements AutoCloseable {

    /** A generous bound so a broken run fails the test instead of hanging it; never a timing claim. */
    private static final long PATIENCE_SECONDS = 30;

    record Datagram(Endpoint source, byte[] payload) {}

    private final DatagramSocket socket;
    private final List<Datagram> received = new ArrayList<>();
    private final Thread reader;

    RawUdp(String ip) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(ip, 0));
        reader = new Thread(this::receive, "raw-udp-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    Endpoint local() {
        return Endpoint.parse(socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort());
    }

    void send(Endpoint to, byte[] payload) throws IOException {
        InetAddress address = InetAddress.getByName(Endpoint.formatIp(to.ip()));
        socket.send(new DatagramPacket(payload, payload.length, address, to.port()));
    }

    private void receive() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                continue;
            }
            byte[] payload = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            Endpoint source = Endpoint.parse(packet.getAddress().getHostAddress() + ":" + packet.getPort());
            synchronized (received) {
                received.add(new Datagram(source, payload));
                received.notifyAll();
            }
        }
    }

    /** Everything received so far. */
    List<Datagram> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits for the first datagram received (from the start) that satisfies {@code test}. */
    Datagram await(Predicate<Datagram> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        synchronized (received) {
            while (true) {
                for (Datagram d : received) {
                    if (test.test(d)) {
                        return d;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such datagram reached " + local() + "; received " + received.size());
                }
                received.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
