package io.punchsim.protocol.wire;

/** The role a peer registers with in a session (byte 1 = host, 2 = client). */
public enum PeerRole {
    HOST(1), CLIENT(2);

    private final int code;

    PeerRole(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The role with this code, or {@code null}. */
    public static PeerRole ofCode(int code) {
        return code == 1 ? HOST : code == 2 ? CLIENT : null;
    }
}
