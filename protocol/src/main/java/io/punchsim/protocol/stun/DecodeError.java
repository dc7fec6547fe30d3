package io.punchsim.protocol.stun;

/** Why a datagram is not a well-formed STUN message. */
public enum DecodeError {
    /** Shorter than the 20-byte header. */
    TOO_SHORT,
    /** The two most significant bits are not zero: some other protocol. */
    NOT_STUN,
    BAD_MAGIC_COOKIE,
    LENGTH_NOT_MULTIPLE_OF_4,
    /** The header's length field promises more bytes than the datagram holds. */
    LENGTH_EXCEEDS_DATAGRAM,
    /** Bytes after the end the header's length field announces. */
    TRAILING_BYTES,
    /** An attribute header, value or padding runs past the end of the message. */
    TRUNCATED_ATTRIBUTE,
    /** An attribute whose value has a length its type does not allow. */
    BAD_ATTRIBUTE_LENGTH,
    BAD_ADDRESS_FAMILY,
    /** A value out of its range (an error class outside 3..6, a number above 99). */
    BAD_ATTRIBUTE_VALUE,
    BAD_FINGERPRINT,
    /** FINGERPRINT must be the last attribute. */
    ATTRIBUTE_AFTER_FINGERPRINT
}
