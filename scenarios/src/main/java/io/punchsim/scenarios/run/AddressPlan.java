package io.punchsim.scenarios.run;

import io.punchsim.sim.net.Ipv4;

/**
 * Hands out the addresses of one session's network, each once: a /24 of 10.0.0.0/8 for each LAN,
 * carrier-grade NAT space (100.64.0.0/10, RFC 6598) for the outside of a NAT that another NAT
 * translates again, and documentation space for what the internet sees: 203.0.113.0/24 on the host's
 * side, 198.51.100.0/24 on the clients', then the benchmarking block 198.18.0.0/15 (RFC 2544) when a
 * large session needs more. Only traces and pcaps show the addresses; no outcome depends on them.
 */
final class AddressPlan {
    /** Addresses a pool hands out from: .10 upward, never a network's .0 or .255. */
    private static final int FIRST = 10;

    private final Pool hostPublic = new Pool(Ipv4.parse("203.0.113.0"), 1, "host-side public");
    private final Pool clientPublic = new Pool(Ipv4.parse("198.51.100.0"), 1, "client-side public");
    private final Pool overflow = new Pool(Ipv4.parse("198.18.0.0"), 512, "public (198.18.0.0/15)");
    private final Pool carrier = new Pool(Ipv4.parse("100.64.0.0"), 64 * 256, "carrier-grade NAT (100.64.0.0/10)");
    private int lans;

    /**
     * The next LAN's network address: 10.1.0.0 for the first (the host's), then 10.1.1.0 and on; the
     * host's LAN may spill into the next /24 (see {@link #hostLanSpill}).
     */
    int lan() {
        int n = 256 + lans++;
        if (n > 0xFFFF) {
            throw new IllegalArgumentException("the session's network needs more LANs than 10.0.0.0/8 holds");
        }
        return Ipv4.parse("10.0.0.0") + (n << 8);
    }

    /** Keeps the /24 after the host's LAN free, for the clients that sit on it beyond its 252nd. */
    void hostLanSpill() {
        lans++;
    }

    /** An address the internet sees, on the host's side or the clients'. */
    int publicAddress(boolean hostSide) {
        Pool first = hostSide ? hostPublic : clientPublic;
        return first.hasNext() ? first.next() : overflow.next();
    }

    /** An address on the outside of a NAT that a carrier-grade NAT translates again. */
    int carrierAddress() {
        return carrier.next();
    }

    /** Consecutive /24 networks, handed out from .10 to .254 of each. */
    private static final class Pool {
        private final int base;
        private final int networks;
        private final String what;
        private int network;
        private int host = FIRST;

        Pool(int base, int networks, String what) {
            this.base = base;
            this.networks = networks;
            this.what = what;
        }

        boolean hasNext() {
            return network < networks;
        }

        int next() {
            if (!hasNext()) {
                throw new IllegalArgumentException("the session's network needs more " + what + " addresses than there are");
            }
            int address = base + (network << 8) + host;
            if (++host == 255) {
                host = FIRST;
                network++;
            }
            return address;
        }
    }
}
