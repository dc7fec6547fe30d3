package io.punchsim.protocol.wire;

/** Why a datagram is not a valid message. */
public enum DecodeError {
    /** Shorter than the 4-byte header. */
    SHORT,
    /** The first two bytes are not the magic number. */
    WRONG_MAGIC,
    /** A version this code does not speak. */
    UNSUPPORTED_VERSION,
    /** A type code no message has. */
    UNKNOWN_TYPE,
    /** The message ends inside a fixed-size field. */
    TRUNCATED,
    /** A length prefix points past the end of the message. */
    BAD_LENGTH,
    /** A field holds a value outside its domain (a role code, a duplicate property key). */
    BAD_VALUE,
    /** Bytes left over after the last field. */
    TRAILING_BYTES
}
