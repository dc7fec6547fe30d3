package io.punchsim.protocol.stun;

import io.punchsim.protocol.net.Endpoint;
import java.util.Optional;

/**
 * A transport address as STUN carries it: IPv4 or IPv6 with a port. The rest of the protocol
 * module is IPv4-only ({@link Endpoint}); STUN keeps both families so it can decode any server's
 * answer faithfully.
 */
public sealed interface StunAddress permits StunAddress.V4, StunAddress.V6 {

    int FAMILY_IPV4 = 0x01;
    int FAMILY_IPV6 = 0x02;

    int port();

    /** The IPv4 endpoint, empty for an IPv6 address. */
    Optional<Endpoint> toEndpoint();

    static StunAddress of(Endpoint endpoint) {
        return new V4(endpoint.ip(), endpoint.port());
    }

    record V4(int ip, int port) implements StunAddress {
        public V4 {
            checkPort(port);
        }

        @Override
        public Optional<Endpoint> toEndpoint() {
            return Optional.of(new Endpoint(ip, port));
        }

        @Override
        public String toString() {
            return Endpoint.formatIp(ip) + ":" + port;
        }
    }

    /** An IPv6 address as its high and low 64 bits (network order). */
    record V6(long high, long low, int port) implements StunAddress {
        public V6 {
            checkPort(port);
        }

        @Override
        public Optional<Endpoint> toEndpoint() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("[");
            for (int group = 0; group < 8; group++) {
                long half = group < 4 ? high : low;
                int shift = 48 - 16 * (group % 4);
                if (group > 0) {
                    text.append(':');
                }
                text.append(Integer.toHexString((int) ((half >>> shift) & 0xFFFF)));
            }
            return text.append("]:").append(port).toString();
        }
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }
}
