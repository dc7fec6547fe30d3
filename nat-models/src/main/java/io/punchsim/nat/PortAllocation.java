package io.punchsim.nat;

/** How a NAT chooses the external port of a new mapping (RFC 4787 section 4.2). */
public sealed interface PortAllocation {

    /**
     * Keep the internal port when it is free on the chosen external address (RFC 4787 REQ-3
     * "port preservation"), otherwise allocate with {@code fallback}.
     */
    record Preserve(PortAllocation fallback) implements PortAllocation {
        public Preserve {
            if (fallback instanceof Preserve) {
                throw new IllegalArgumentException("a preserve fallback must be sequential or random");
            }
        }
    }

    /**
     * The next free port after the last one handed out, {@code step} apart, wrapping within the
     * range (a port-contiguity NAT when {@code step} is 1).
     */
    record Sequential(int step) implements PortAllocation {
        public Sequential {
            if (step < 1) {
                throw new IllegalArgumentException("step must be positive: " + step);
            }
        }
    }

    /** A port drawn uniformly from the range with the NAT's seeded stream (RFC 6056 style). */
    record Random() implements PortAllocation {}

    static PortAllocation preserveThenSequential() {
        return new Preserve(new Sequential(1));
    }

    static PortAllocation preserveThenRandom() {
        return new Preserve(new Random());
    }
}
