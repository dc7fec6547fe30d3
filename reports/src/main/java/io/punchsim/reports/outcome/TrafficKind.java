package io.punchsim.reports.outcome;

/** The kinds of datagram a run counts; the ordinal indexes {@link TrafficCounts}' arrays. */
public enum TrafficKind {
    STUN,
    SIGNALLING,
    KEEPALIVE,
    PING,
    CONNECT_REQUEST,
    CONNECT_ACCEPT,
    RELAY,
    GAME_UPDATE,
    OTHER,
    /** Birthday punching's probes (the birthday-punch variant). */
    BIRTHDAY_PROBE,
    /** Requests to the gateway's port-mapping service (the port-mapping variant). */
    PORT_MAPPING;

    /** Number of kinds, the length of every per-kind array. */
    public static final int COUNT = values().length;

    /**
     * Whether a run's digest includes this kind even when the run sent none of it: the kinds
     * every run has been counted by. A later kind enters a digest only when a run sends it, so
     * adding a kind leaves the digest of every run that does not use it as it was.
     */
    public boolean alwaysDigested() {
        return ordinal() <= OTHER.ordinal();
    }
}
