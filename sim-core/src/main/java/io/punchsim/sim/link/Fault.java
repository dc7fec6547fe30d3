package io.punchsim.sim.link;

/** A time-windowed impairment of a link direction, active on [fromNanos, untilNanos). */
public sealed interface Fault {

    long fromNanos();

    long untilNanos();

    default boolean activeAt(long nanos) {
        return nanos >= fromNanos() && nanos < untilNanos();
    }

    /** The link is down: everything entering it in the window is dropped. */
    record Outage(long fromNanos, long untilNanos) implements Fault {
        public Outage {
            requireWindow(fromNanos, untilNanos);
        }
    }

    /** Extra independent loss with {@code probability} during the window. */
    record LossBurst(long fromNanos, long untilNanos, double probability) implements Fault {
        public LossBurst {
            requireWindow(fromNanos, untilNanos);
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
            }
        }
    }

    private static void requireWindow(long from, long until) {
        if (from < 0 || until < from) {
            throw new IllegalArgumentException("bad window [" + from + ", " + until + ")");
        }
    }
}
