package io.punchsim.scenarios.run;

import io.punchsim.protocol.wire.MessageKind;
import io.punchsim.reports.outcome.TrafficCounts;
import io.punchsim.reports.outcome.TrafficKind;

/** Counts the peers' datagrams and bytes by kind, as the report groups them. */
final class TrafficCounter {
    private static final TrafficKind[] BY_MESSAGE = new TrafficKind[MessageKind.values().length];

    static {
        for (MessageKind kind : MessageKind.values()) {
            BY_MESSAGE[kind.ordinal()] = switch (kind) {
                case STUN -> TrafficKind.STUN;
                case KEEPALIVE -> TrafficKind.KEEPALIVE;
                case RELAY -> TrafficKind.RELAY;
                case PING -> TrafficKind.PING;
                case CONNECT_REQUEST -> TrafficKind.CONNECT_REQUEST;
                case CONNECT_ACCEPT -> TrafficKind.CONNECT_ACCEPT;
                case GAME_UPDATE, GAME_ECHO -> TrafficKind.GAME_UPDATE;
                case BIRTHDAY_PROBE -> TrafficKind.BIRTHDAY_PROBE;
                case PORT_MAPPING -> TrafficKind.PORT_MAPPING;
                case UNKNOWN -> TrafficKind.OTHER;
                default -> TrafficKind.SIGNALLING;
            };
        }
    }

    private final TrafficCounts.Tally tally = new TrafficCounts.Tally();

    void count(byte[] payload) {
        tally.count(BY_MESSAGE[MessageKind.classify(payload).ordinal()], payload.length);
    }

    TrafficCounts counts() {
        return tally.toCounts();
    }
}
