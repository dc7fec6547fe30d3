package io.punchsim.protocol.stun;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The attributes this codec understands (RFC 8489, RFC 5780), plus {@link Opaque} for any other
 * type so that a decoded message can be inspected and re-encoded without loss.
 */
public sealed interface StunAttribute {

    int MAPPED_ADDRESS = 0x0001;
    int CHANGE_REQUEST = 0x0003;
    int USERNAME = 0x0006;
    int MESSAGE_INTEGRITY = 0x0008;
    int ERROR_CODE = 0x0009;
    int UNKNOWN_ATTRIBUTES = 0x000A;
    int XOR_MAPPED_ADDRESS = 0x0020;
    int PADDING = 0x0026;
    int RESPONSE_PORT = 0x0027;
    int SOFTWARE = 0x8022;
    int FINGERPRINT = 0x8028;
    int RESPONSE_ORIGIN = 0x802B;
    int OTHER_ADDRESS = 0x802C;

    /** The attribute's type code on the wire. */
    int type();

    /** Types below 0x8000 are comprehension-required (RFC 8489 section 14). */
    static boolean comprehensionRequired(int type) {
        return type < 0x8000;
    }

    record MappedAddress(StunAddress address) implements StunAttribute {
        @Override
        public int type() {
            return MAPPED_ADDRESS;
        }
    }

    /** The reflexive address; XOR-ed with the magic cookie (and transaction id for IPv6) on the wire. */
    record XorMappedAddress(StunAddress address) implements StunAttribute {
        @Override
        public int type() {
            return XOR_MAPPED_ADDRESS;
        }
    }

    /** RFC 5780: the address the response was sent from. */
    record ResponseOrigin(StunAddress address) implements StunAttribute {
        @Override
        public int type() {
            return RESPONSE_ORIGIN;
        }
    }

    /** RFC 5780: the server's alternate address (other IP and other port). */
    record OtherAddress(StunAddress address) implements StunAttribute {
        @Override
        public int type() {
            return OTHER_ADDRESS;
        }
    }

    /** RFC 5780: ask the server to answer from its other IP and/or other port. */
    record ChangeRequest(boolean changeIp, boolean changePort) implements StunAttribute {
        @Override
        public int type() {
            return CHANGE_REQUEST;
        }
    }

    /** RFC 5780: send the response to this port of the request's source IP. */
    record ResponsePort(int port) implements StunAttribute {
        public ResponsePort {
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("port out of range 0..65535: " + port);
            }
        }

        @Override
        public int type() {
            return RESPONSE_PORT;
        }
    }

    /** RFC 5780: filler bytes (encoded as zeros) to test fragmentation; only the length matters. */
    record Padding(int length) implements StunAttribute {
        public Padding {
            if (length < 0 || length > 0xFFFF) {
                throw new IllegalArgumentException("padding length out of range: " + length);
            }
        }

        @Override
        public int type() {
            return PADDING;
        }
    }

    record Username(String name) implements StunAttribute {
        @Override
        public int type() {
            return USERNAME;
        }
    }

    record Software(String description) implements StunAttribute {
        @Override
        public int type() {
            return SOFTWARE;
        }
    }

    /** An error code 300..699 and its reason phrase. */
    record ErrorCode(int code, String reason) implements StunAttribute {
        public static final int BAD_REQUEST = 400;
        public static final int UNKNOWN_ATTRIBUTE = 420;

        public ErrorCode {
            if (code < 300 || code > 699) {
                throw new IllegalArgumentException("error code out of range 300..699: " + code);
            }
        }

        @Override
        public int type() {
            return ERROR_CODE;
        }
    }

    record UnknownAttributes(List<Integer> types) implements StunAttribute {
        public UnknownAttributes {
            types = List.copyOf(types);
        }

        @Override
        public int type() {
            return UNKNOWN_ATTRIBUTES;
        }
    }

    /**
     * HMAC-SHA1 of the message before it. The encoder always computes it from the key it is given;
     * the value here is what a decoded message carried.
     */
    record MessageIntegrity(byte[] hmac) implements StunAttribute {
        public static final int LENGTH = 20;

        public MessageIntegrity {
            if (hmac.length != LENGTH) {
                throw new IllegalArgumentException("MESSAGE-INTEGRITY has 20 bytes, got " + hmac.length);
            }
            hmac = hmac.clone();
        }

        /** A placeholder for a message to be encoded: the encoder fills in the real HMAC. */
        public static MessageIntegrity toBeComputed() {
            return new MessageIntegrity(new byte[LENGTH]);
        }

        @Override
        public byte[] hmac() {
            return hmac.clone();
        }

        @Override
        public int type() {
            return MESSAGE_INTEGRITY;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MessageIntegrity other && Arrays.equals(hmac, other.hmac);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hmac);
        }

        @Override
        public String toString() {
            return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
        }
    }

    /**
     * CRC-32 of the message before it, XOR 0x5354554E. The encoder always computes it; the value
     * here is what a decoded message carried (already checked by the decoder).
     */
    record Fingerprint(int crc) implements StunAttribute {
        /** A placeholder for a message to be encoded: the encoder fills in the real CRC. */
        public static Fingerprint toBeComputed() {
            return new Fingerprint(0);
        }

        @Override
        public int type() {
            return FINGERPRINT;
        }
    }

    /** Any attribute this codec does not interpret, kept verbatim. */
    record Opaque(int type, byte[] value) implements StunAttribute {
        public Opaque {
            if (type < 0 || type > 0xFFFF) {
                throw new IllegalArgumentException("attribute type out of range: " + type);
            }
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("attribute value too long: " + value.length);
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Opaque other && type == other.type && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Opaque[type=0x" + Integer.toHexString(type) + ", value=" + HexFormat.of().formatHex(value) + "]";
        }
    }
}
