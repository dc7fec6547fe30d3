package io.punchsim.nat;

/** An inclusive range of external ports a NAT allocates from. */
public record PortRange(int low, int high) {

    /** The range Linux uses for source ports above 1023 and most NATs allocate from. */
    public static final PortRange UNPRIVILEGED = new PortRange(1024, 65535);

    public PortRange {
        if (low < 1 || high > 65535 || low > high) {
            throw new IllegalArgumentException("bad port range " + low + ".." + high);
        }
    }

    public int size() {
        return high - low + 1;
    }

    public boolean contains(int port) {
        return port >= low && port <= high;
    }
}
