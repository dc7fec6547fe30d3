package io.punchsim.protocol.stun;

/** The class of a STUN message (RFC 8489 section 5): two bits interleaved with the method. */
public enum StunClass {
    REQUEST(0b00), INDICATION(0b01), SUCCESS_RESPONSE(0b10), ERROR_RESPONSE(0b11);

    /** Indexed by the two bits (each constant's bits are its ordinal); values() would copy the array per call. */
    private static final StunClass[] BY_BITS = values();

    private final int bits;

    StunClass(int bits) {
        this.bits = bits;
    }

    int bits() {
        return bits;
    }

    static StunClass ofBits(int bits) {
        return BY_BITS[bits & 0b11];
    }
}
