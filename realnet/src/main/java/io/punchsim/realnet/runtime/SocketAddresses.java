package io.punchsim.realnet.runtime;

import io.punchsim.protocol.net.Endpoint;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;

/** Converts between the protocol's {@link Endpoint} and {@code java.net} addresses. */
public final class SocketAddresses {

    private SocketAddresses() {}

    public static InetSocketAddress toInet(Endpoint endpoint) {
        int ip = endpoint.ip();
        byte[] bytes = {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), endpoint.port());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    public static boolean isIpv4(InetSocketAddress address) {
        return address.getAddress() instanceof Inet4Address;
    }

    public static Endpoint toEndpoint(InetSocketAddress address) {
        if (!isIpv4(address)) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        byte[] b = address.getAddress().getAddress();
        int ip = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        return new Endpoint(ip, address.getPort());
    }

    /**
     * The local IPv4 address the OS would send from toward {@code remote}. Peers bind to it rather
     * than the wildcard, so the local address they report (H8/C8) is one the peer can be reached at.
     */
    public static Endpoint sourceAddressToward(Endpoint remote) throws IOException {
        try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET)) {
            // Connecting a UDP socket sends nothing; it only asks the routing table.
            probe.connect(toInet(remote));
            Endpoint chosen = toEndpoint((InetSocketAddress) probe.getLocalAddress());
            return new Endpoint(chosen.ip(), 0);
        }
    }
}
