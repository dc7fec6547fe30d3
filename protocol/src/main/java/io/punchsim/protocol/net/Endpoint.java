package io.punchsim.protocol.net;

/**
 * An IPv4 address and UDP port as the connection process sees it.
 *
 * <p>The protocol module is JDK-only and never touches {@code java.net}, so it keeps its own
 * address type; drivers (the simulator, the real-socket runtime) convert at the boundary.
 */
public record Endpoint(int ip, int port) {

    /** 0.0.0.0:0, the reflexive address a peer reports when it has none (its STUN failed). */
    public static final Endpoint NONE = new Endpoint(0, 0);

    public Endpoint {
        // The message is built apart, so that the constructor fits the launcher's inlining budget.
        if ((port >>> 16) != 0) {
            throw badPort(port);
        }
    }

    private static IllegalArgumentException badPort(int port) {
        return new IllegalArgumentException("port out of range 0..65535: " + port);
    }

    /** Parses {@code "192.0.2.1:3478"}. */
    public static Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected ADDRESS:PORT, got '" + text + "'");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + text + "'");
        }
        return new Endpoint(parseIp(text.substring(0, colon)), port);
    }

    /**
     * Parses an address to send to, such as a server's: as {@link #parse}, but port 0, which
     * means "any" only when binding, is refused.
     */
    public static Endpoint parseDestination(String text) {
        Endpoint endpoint = parse(text);
        if (endpoint.port == 0) {
            throw new IllegalArgumentException("port 0 in '" + text + "' is no destination; give the port the server listens on");
        }
        return endpoint;
    }

    public static int parseIp(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
        }
        int ip = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
            }
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
            }
            ip = (ip << 8) | octet;
        }
        return ip;
    }

    /**
     * Whether the address means something only inside one site: private (RFC 1918), shared
     * (RFC 6598, carrier-grade NAT), loopback or link-local. Such an address may stand as a peer's
     * local candidate; the public internet behind it is nobody's to point others at.
     */
    public boolean isLocalScope() {
        int a = ip >>> 24;
        int b = (ip >>> 16) & 0xFF;
        return a == 10 || a == 127 || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168)
                || (a == 100 && b >= 64 && b < 128) || (a == 169 && b == 254);
    }

    /** Whether this is {@link #NONE}, no address at all. */
    public boolean isNone() {
        return ip == 0 && port == 0;
    }

    /**
     * Whether {@code other} is in this address's subnet, as far as two reported addresses can tell:
     * both inside a site ({@link #isLocalScope()}) and in the same /24, the prefix of nearly every
     * home and office LAN (a report carries no netmask). Public addresses never count: a peer
     * without a NAT has no LAN stage.
     */
    public boolean sameSubnet(Endpoint other) {
        return isLocalScope() && other.isLocalScope() && (ip >>> 8) == (other.ip >>> 8);
    }

    public static String formatIp(int ip) {
        return ((ip >>> 24) & 0xFF) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF);
    }

    // Written out instead of the record's generated equals and hashCode, which go through method
    // handles: endpoints are compared and hashed for nearly every datagram, and a short sweep spends
    // its first second in the interpreter and C1, where those handles cost more than the run itself.
    // The hash is the one the record would compute (31 * ip + port), so map orders are unchanged.
    @Override
    public boolean equals(Object other) {
        return other instanceof Endpoint e && is(e.ip, e.port);
    }

    // Apart from equals, so that both fit the launcher's inlining budget (35 bytes of bytecode).
    private boolean is(int otherIp, int otherPort) {
        return ip == otherIp && port == otherPort;
    }

    @Override
    public int hashCode() {
        return 31 * ip + port;
    }

    @Override
    public String toString() {
        return formatIp(ip) + ":" + port;
    }
}
