package io.punchsim.protocol.stun;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A well-formed STUN message. Its FINGERPRINT, if any, has been verified; MESSAGE-INTEGRITY needs
 * the key, so it is checked on request with {@link #integrityMatches(byte[])}.
 */
public record Decoded(StunMessage message, byte[] datagram, int integrityOffset) implements DecodeResult {

    public Decoded {
        datagram = datagram.clone();
    }

    @Override
    public byte[] datagram() {
        return datagram.clone();
    }

    public boolean hasIntegrity() {
        return integrityOffset >= 0;
    }

    /** Whether MESSAGE-INTEGRITY is present and matches the short-term key (the password's bytes). */
    public boolean integrityMatches(byte[] key) {
        if (integrityOffset < 0) {
            return false;
        }
        byte[] expected = Digests.integrity(datagram, integrityOffset, key);
        byte[] carried = Arrays.copyOfRange(datagram, integrityOffset + 4, integrityOffset + 24);
        return MessageDigest.isEqual(expected, carried);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decoded other && message.equals(other.message)
                && Arrays.equals(datagram, other.datagram) && integrityOffset == other.integrityOffset;
    }

    @Override
    public int hashCode() {
        return message.hashCode();
    }

    @Override
    public String toString() {
        return "Decoded[" + message + "]";
    }
}
