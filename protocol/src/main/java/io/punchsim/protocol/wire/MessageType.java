package io.punchsim.protocol.wire;

/** Wire type codes of our own messages (byte 3 of every message). */
public enum MessageType {
    CREATE_SESSION(0x01),
    SESSION_CREATED(0x02),
    JOIN_RANDOM(0x03),
    SESSION_FOUND(0x04),
    NO_SESSION(0x05),
    JOIN_REQUEST(0x06),
    JOIN_ACK(0x07),
    START(0x08),
    ADDRESS_REPORT(0x09),
    PEER_ADDRESSES(0x0A),
    LEAVE(0x0B),
    SESSION_CLOSED(0x0C),
    SESSION_FULL(0x0D),
    ACK(0x10),
    KEEPALIVE(0x11),
    RELAY(0x12),
    PING(0x20),
    CONNECT_REQUEST(0x21),
    CONNECT_ACCEPT(0x22),
    GAME_UPDATE(0x23),
    GAME_ECHO(0x24),
    BIRTHDAY_HINT(0x25),
    BIRTHDAY_PROBE(0x26);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this code, or {@code null}. */
    public static MessageType ofCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
