package io.punchsim.protocol.stun;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** MESSAGE-INTEGRITY and FINGERPRINT, both computed over a message prefix with a patched length. */
final class Digests {

    static final int FINGERPRINT_XOR = 0x5354554E;

    private Digests() {}

    /**
     * HMAC-SHA1 over {@code message[0, attributeAt)}, with the header's length field counting up to
     * the end of the MESSAGE-INTEGRITY attribute that starts at {@code attributeAt}.
     */
    static byte[] integrity(byte[] message, int attributeAt, byte[] key) {
        byte[] prefix = withLength(message, attributeAt, attributeAt + 4 + 20);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            // An empty key is legal for STUN but not for SecretKeySpec; HMAC pads keys with zeros anyway.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            return mac.doFinal(prefix);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every Java platform", e);
        }
    }

    /** CRC-32 XOR 0x5354554E over {@code message[0, attributeAt)}, length counting the FINGERPRINT. */
    static int fingerprint(byte[] message, int attributeAt) {
        CRC32 crc = new CRC32();
        crc.update(withLength(message, attributeAt, attributeAt + 4 + 4));
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    private static byte[] withLength(byte[] message, int prefixLength, int messageEnd) {
        byte[] prefix = Arrays.copyOf(message, prefixLength);
        StunEncoder.putShort(prefix, 2, messageEnd - StunMessage.HEADER_LENGTH);
        return prefix;
    }

    static byte[] intBytes(int value) {
        byte[] out = new byte[4];
        StunEncoder.putInt(out, 0, value);
        return out;
    }
}
