package io.punchsim.protocol.wire;

import io.punchsim.protocol.portmap.NatPmpWire;
import io.punchsim.protocol.stun.StunWire;

/**
 * What a datagram is, from its first bytes only, so a driver can count packets and bytes by kind
 * without decoding every message.
 */
public enum MessageKind {
    STUN,
    CREATE_SESSION, SESSION_CREATED, JOIN_RANDOM, SESSION_FOUND, NO_SESSION, JOIN_REQUEST, JOIN_ACK,
    START, ADDRESS_REPORT, PEER_ADDRESSES, LEAVE, SESSION_CLOSED, SESSION_FULL, ACK, KEEPALIVE, RELAY,
    PING, CONNECT_REQUEST, CONNECT_ACCEPT, GAME_UPDATE, GAME_ECHO, BIRTHDAY_HINT, BIRTHDAY_PROBE,
    /** A NAT-PMP request to the gateway (port-mapping). */
    PORT_MAPPING,
    /** Neither STUN nor one of our messages. */
    UNKNOWN;

    private static final MessageKind[] BY_TYPE = new MessageKind[MessageType.values().length];

    static {
        for (MessageType t : MessageType.values()) {
            BY_TYPE[t.ordinal()] = valueOf(t.name());
        }
    }

    public static MessageKind classify(byte[] payload) {
        if (StunWire.isStun(payload)) {
            return STUN;
        }
        MessageKind kind = ours(payload, 0);
        return kind == UNKNOWN && NatPmpWire.isRequest(payload) ? PORT_MAPPING : kind;
    }

    private static MessageKind ours(byte[] b, int at) {
        if (b.length - at < MessageCodec.HEADER_LENGTH
                || (((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF)) != MessageCodec.MAGIC
                || (b[at + 2] & 0xFF) != MessageCodec.VERSION) {
            return UNKNOWN;
        }
        MessageType type = MessageType.ofCode(b[at + 3] & 0xFF);
        return type == null ? UNKNOWN : BY_TYPE[type.ordinal()];
    }

    /** For a {@link #RELAY} datagram, the kind of the peer message it carries. */
    public static MessageKind classifyRelayed(byte[] relay) {
        int inner = MessageCodec.HEADER_LENGTH + 10;
        if (ours(relay, 0) != RELAY) {
            return UNKNOWN;
        }
        return ours(relay, inner);
    }
}
