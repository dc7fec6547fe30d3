package io.punchsim.protocol.cloud;

/**
 * How much of the cloud any datagram, or any one source, can claim: the caps of its tables and
 * the limits per source address. A source is an IPv4 address (all ports of one machine or NAT).
 * The simulator runs with {@link #DEFAULTS}, which no attacker-free run comes near; the real
 * {@code serve-cloud} takes each as a flag.
 *
 * @param maxSessions sessions held at once; when full, the oldest session whose host never joined
 *     makes room, otherwise a {@code CreateSession} is dropped
 * @param sessionsPerSource sessions created from one address and held at once
 * @param maxChannels signalling channels (one per remote endpoint) held at once; when full, the
 *     longest-silent channel of an endpoint that is not a session member makes room
 * @param maxPropsBytes encoded size of a session's properties, merged from its creation and joins
 * @param reservationLifetimeNanos how long a session that {@code JoinRandom} handed to a client
 *     stays reserved for it
 * @param reservationsPerSource reservations one address holds at once
 * @param unprovenRetransmitsPerMinute retransmissions of answers, on the cloud's own timer, toward
 *     endpoints that have not shown they receive what is sent to them (not yet session members),
 *     per address and minute; past it, an answer is sent again only when its request is
 */
public record CloudLimits(
        int maxSessions,
        int sessionsPerSource,
        int maxChannels,
        int maxPropsBytes,
        long reservationLifetimeNanos,
        int reservationsPerSource,
        int unprovenRetransmitsPerMinute) {

    public static final CloudLimits DEFAULTS = new CloudLimits(50_000, 64, 100_000, 1_024,
            3_000_000_000L, 4, 30);

    public CloudLimits {
        positive("maxSessions", maxSessions);
        positive("sessionsPerSource", sessionsPerSource);
        positive("maxChannels", maxChannels);
        if (maxPropsBytes < 1) {
            throw new IllegalArgumentException("maxPropsBytes must be at least 1 (empty properties): " + maxPropsBytes);
        }
        if (reservationLifetimeNanos <= 0) {
            throw new IllegalArgumentException("the reservation lifetime must be positive: " + reservationLifetimeNanos);
        }
        positive("reservationsPerSource", reservationsPerSource);
        if (unprovenRetransmitsPerMinute < 0) {
            throw new IllegalArgumentException("unprovenRetransmitsPerMinute must not be negative: "
                    + unprovenRetransmitsPerMinute);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }
}
