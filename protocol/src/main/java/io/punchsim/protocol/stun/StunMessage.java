package io.punchsim.protocol.stun;

import java.util.List;
import java.util.Optional;

/**
 * One STUN message: method, class, transaction id and attributes in wire order.
 *
 * @param method the 12-bit method ({@link #BINDING} is the only one STUN itself defines)
 */
public record StunMessage(int method, StunClass messageClass, TransactionId transactionId,
                          List<StunAttribute> attributes) {

    public static final int BINDING = 0x001;
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int HEADER_LENGTH = 20;

    public StunMessage {
        if (method < 0 || method > 0xFFF) {
            throw new IllegalArgumentException("method out of range 0..0xFFF: " + method);
        }
        attributes = List.copyOf(attributes);
    }

    /** The first attribute of the given kind, if any. */
    public <T extends StunAttribute> Optional<T> first(Class<T> kind) {
        for (StunAttribute attribute : attributes) {
            if (kind.isInstance(attribute)) {
                return Optional.of(kind.cast(attribute));
            }
        }
        return Optional.empty();
    }

    public boolean isBinding(StunClass expected) {
        return method == BINDING && messageClass == expected;
    }

    /** The 16-bit message type: method bits M11..M0 interleaved with class bits C1 C0. */
    int typeField() {
        int c = messageClass.bits();
        return (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
                | ((c & 0b01) << 4) | ((c & 0b10) << 7);
    }

    static int methodOf(int typeField) {
        return (typeField & 0x000F) | ((typeField & 0x00E0) >> 1) | ((typeField & 0x3E00) >> 2);
    }

    static StunClass classOf(int typeField) {
        return StunClass.ofBits(((typeField >> 4) & 0b01) | ((typeField >> 7) & 0b10));
    }
}
