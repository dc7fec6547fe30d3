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
    OTHER;

    /** Number of kinds, the length of every per-kind array. */
    public static final int COUNT = values().length;
}
