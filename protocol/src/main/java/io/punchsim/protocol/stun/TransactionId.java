package io.punchsim.protocol.stun;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** The 96-bit transaction id of a STUN message; copied in and out so it stays immutable. */
public record TransactionId(byte[] bytes) {

    public static final int LENGTH = 12;

    public TransactionId {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a transaction id has 12 bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** A fresh id drawn from the machine's random source (never the global one). */
    public static TransactionId random(RandomGenerator random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new TransactionId(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    boolean matches(byte[] other) {
        return other != null && Arrays.equals(bytes, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
