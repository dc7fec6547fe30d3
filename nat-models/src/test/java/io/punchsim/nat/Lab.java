package io.punchsim.nat;

import io.punchsim.sim.link.LinkSpec;
import io.punchsim.sim.net.Datagram;
import io.punchsim.sim.net.DropReason;
import io.punchsim.sim.net.Endpoint;
import io.punchsim.sim.net.Host;
import io.punchsim.sim.net.Network;
import io.punchsim.sim.net.TraceListener;
import io.punchsim.sim.net.UdpSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixtures on the real virtual network: a STUN-like echo that answers with the source address
 * it observed, and a peer that learns its reflexive address, pings another address and answers
 * every ping to the address it came from.
 */
final class Lab {
    private Lab() {}

    static final long MS = 1_000_000L;
    static final int ECHO_PORT = 3478;
    static final byte[] PING = "PING".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PONG = "PONG".getBytes(StandardCharsets.US_ASCII);
    static final byte[] QUERY = "QUERY".getBytes(StandardCharsets.US_ASCII);

    static LinkSpec link(long millis) {
        return LinkSpec.constant(millis * MS);
    }

    /** Binds {@code name} as a host answering each datagram on {@link #ECHO_PORT} with its observed source. */
    static Endpoint echo(Network network, String name) {
        Host host = network.host(name);
        UdpSocket[] socket = new UdpSocket[1];
        socket[0] = host.bind(ECHO_PORT, datagram -> socket[0].send(datagram.source(), encode(datagram.source())));
        return socket[0].local();
    }

    static byte[] encode(Endpoint endpoint) {
        return ByteBuffer.allocate(6).putInt(endpoint.ip()).putShort((short) endpoint.port()).array();
    }

    static Endpoint decode(byte[] payload) {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        return new Endpoint(buffer.getInt(), Short.toUnsignedInt(buffer.getShort()));
    }

    /** Records every drop with the node where it happened. */
    static final class Drops implements TraceListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onDrop(long now, String node, Datagram datagram, DropReason reason) {
            seen.add(node + ":" + reason);
        }
    }

    /** One end of a raw UDP exchange. */
    static final class Peer {
        final Network network;
        final UdpSocket socket;
        Endpoint reflexive;
        final List<Datagram> fromPeers = new ArrayList<>();

        Peer(Network network, String hostName, int port) {
            this(network, network.host(hostName), port);
        }

        Peer(Network network, Host host, int port) {
            this.network = network;
            this.socket = host.bind(port, this::receive);
        }

        private void receive(Datagram datagram) {
            if (datagram.source().port() == ECHO_PORT && datagram.payload().length == 6) {
                reflexive = decode(datagram.payload());
                return;
            }
            fromPeers.add(datagram);
            if (java.util.Arrays.equals(datagram.payload(), PING)) {
                socket.send(datagram.source(), PONG);
            }
        }

        /** Asks the echo at {@code atNanos} for this peer's reflexive address. */
        void query(Endpoint echo, long atNanos) {
            network.scheduler().schedule(atNanos, () -> socket.send(echo, QUERY));
        }

        /** Pings whatever {@code target} gives at {@code atNanos}, then every 20 ms, {@code count} times. */
        void ping(java.util.function.Supplier<Endpoint> target, long atNanos, int count) {
            for (int i = 0; i < count; i++) {
                network.scheduler().schedule(atNanos + i * 20 * MS, () -> socket.send(target.get(), PING));
            }
        }

        boolean heardFromPeer() {
            return !fromPeers.isEmpty();
        }
    }
}
