package io.punchsim.sim.net;

/**
 * An IPv4 address and UDP port on the virtual network.
 *
 * <p>The address is kept as an {@code int} so that routing and NAT lookups hash a primitive instead
 * of an {@code InetAddress}.
 */
public record Endpoint(int ip, int port) {

    public Endpoint {
        // The message is built apart, so that the constructor fits the launcher's inlining budget.
        if ((port >>> 16) != 0) {
            throw badPort(port);
        }
    }

    private static IllegalArgumentException badPort(int port) {
        return new IllegalArgumentException("port out of range 0..65535: " + port);
    }

    /** Parses {@code "10.0.0.1:5000"}. */
    public static Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected ADDRESS:PORT, got '" + text + "'");
        }
        return new Endpoint(Ipv4.parse(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
    }

    public static Endpoint of(String address, int port) {
        return new Endpoint(Ipv4.parse(address), port);
    }

    public Endpoint withPort(int newPort) {
        return new Endpoint(ip, newPort);
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
        return Ipv4.format(ip) + ":" + port;
    }
}
