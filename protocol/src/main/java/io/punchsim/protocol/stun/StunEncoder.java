package io.punchsim.protocol.stun;

import io.punchsim.protocol.stun.StunAttribute.ChangeRequest;
import io.punchsim.protocol.stun.StunAttribute.ErrorCode;
import io.punchsim.protocol.stun.StunAttribute.Fingerprint;
import io.punchsim.protocol.stun.StunAttribute.MappedAddress;
import io.punchsim.protocol.stun.StunAttribute.MessageIntegrity;
import io.punchsim.protocol.stun.StunAttribute.Opaque;
import io.punchsim.protocol.stun.StunAttribute.OtherAddress;
import io.punchsim.protocol.stun.StunAttribute.Padding;
import io.punchsim.protocol.stun.StunAttribute.ResponseOrigin;
import io.punchsim.protocol.stun.StunAttribute.ResponsePort;
import io.punchsim.protocol.stun.StunAttribute.Software;
import io.punchsim.protocol.stun.StunAttribute.UnknownAttributes;
import io.punchsim.protocol.stun.StunAttribute.Username;
import io.punchsim.protocol.stun.StunAttribute.XorMappedAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes STUN messages. MESSAGE-INTEGRITY and FINGERPRINT are always computed here over the bytes
 * before them, whatever value their records hold, so a message can never carry a stale digest.
 */
public final class StunEncoder {

    /**
     * @param integrityKey the short-term key (the password's UTF-8 bytes) for MESSAGE-INTEGRITY, or
     *     {@code null} when the message has none
     * @param paddingByte the byte that pads attribute values to a multiple of four (receivers ignore
     *     it; RFC 5769's vectors use spaces)
     */
    public record Options(byte[] integrityKey, byte paddingByte) {
        public static final Options DEFAULT = new Options(null, (byte) 0);

        public Options {
            integrityKey = integrityKey == null ? null : integrityKey.clone();
        }

        public static Options withKey(byte[] integrityKey) {
            return new Options(integrityKey, (byte) 0);
        }
    }

    private StunEncoder() {}

    public static byte[] encode(StunMessage message) {
        return encode(message, Options.DEFAULT);
    }

    public static byte[] encode(StunMessage message, Options options) {
        List<byte[]> values = new ArrayList<>(message.attributes().size());
        int length = 0;
        for (StunAttribute attribute : message.attributes()) {
            byte[] value = valueOf(attribute, message.transactionId());
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("attribute too long: " + attribute);
            }
            values.add(value);
            length += 4 + padded(value.length);
        }
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("message too long: " + length + " bytes of attributes");
        }
        byte[] out = new byte[StunMessage.HEADER_LENGTH + length];
        putShort(out, 0, message.typeField());
        putShort(out, 2, length);
        putInt(out, 4, StunMessage.MAGIC_COOKIE);
        System.arraycopy(message.transactionId().bytes(), 0, out, 8, TransactionId.LENGTH);

        int at = StunMessage.HEADER_LENGTH;
        for (int i = 0; i < values.size(); i++) {
            StunAttribute attribute = message.attributes().get(i);
            byte[] value = values.get(i);
            if (attribute instanceof MessageIntegrity) {
                if (options.integrityKey() == null) {
                    throw new IllegalArgumentException("MESSAGE-INTEGRITY needs a key to encode");
                }
                value = Digests.integrity(out, at, options.integrityKey());
            } else if (attribute instanceof Fingerprint) {
                value = Digests.intBytes(Digests.fingerprint(out, at));
            }
            putShort(out, at, attribute.type());
            putShort(out, at + 2, value.length);
            System.arraycopy(value, 0, out, at + 4, value.length);
            for (int pad = at + 4 + value.length; pad < at + 4 + padded(value.length); pad++) {
                out[pad] = options.paddingByte();
            }
            at += 4 + padded(value.length);
        }
        return out;
    }

    private static byte[] valueOf(StunAttribute attribute, TransactionId transactionId) {
        if (attribute instanceof MappedAddress a) {
            return address(a.address(), null);
        } else if (attribute instanceof XorMappedAddress a) {
            return address(a.address(), transactionId);
        } else if (attribute instanceof ResponseOrigin a) {
            return address(a.address(), null);
        } else if (attribute instanceof OtherAddress a) {
            return address(a.address(), null);
        } else if (attribute instanceof ChangeRequest c) {
            return Digests.intBytes((c.changeIp() ? 0x04 : 0) | (c.changePort() ? 0x02 : 0));
        } else if (attribute instanceof ResponsePort p) {
            return new byte[] {(byte) (p.port() >>> 8), (byte) p.port(), 0, 0};
        } else if (attribute instanceof Padding p) {
            return new byte[p.length()];
        } else if (attribute instanceof Username u) {
            return u.name().getBytes(StandardCharsets.UTF_8);
        } else if (attribute instanceof Software s) {
            return s.description().getBytes(StandardCharsets.UTF_8);
        } else if (attribute instanceof ErrorCode e) {
            return errorCode(e);
        } else if (attribute instanceof UnknownAttributes u) {
            return unknownAttributes(u);
        } else if (attribute instanceof MessageIntegrity) {
            return new byte[MessageIntegrity.LENGTH];
        } else if (attribute instanceof Fingerprint) {
            return new byte[4];
        } else {
            return ((Opaque) attribute).value();
        }
    }

    private static byte[] address(StunAddress address, TransactionId xorWith) {
        int xorPort = xorWith == null ? 0 : StunMessage.MAGIC_COOKIE >>> 16;
        if (address instanceof StunAddress.V4 v4) {
            byte[] value = new byte[8];
            value[1] = StunAddress.FAMILY_IPV4;
            putShort(value, 2, v4.port() ^ xorPort);
            putInt(value, 4, v4.ip() ^ (xorWith == null ? 0 : StunMessage.MAGIC_COOKIE));
            return value;
        }
        StunAddress.V6 v6 = (StunAddress.V6) address;
        byte[] value = new byte[20];
        value[1] = StunAddress.FAMILY_IPV6;
        putShort(value, 2, v6.port() ^ xorPort);
        putLong(value, 4, v6.high());
        putLong(value, 12, v6.low());
        if (xorWith != null) {
            byte[] mask = xorMask(xorWith);
            for (int i = 0; i < 16; i++) {
                value[4 + i] ^= mask[i];
            }
        }
        return value;
    }

    /** The magic cookie followed by the transaction id: what IPv6 XOR addresses are masked with. */
    static byte[] xorMask(TransactionId transactionId) {
        byte[] mask = new byte[16];
        putInt(mask, 0, StunMessage.MAGIC_COOKIE);
        System.arraycopy(transactionId.bytes(), 0, mask, 4, TransactionId.LENGTH);
        return mask;
    }

    private static byte[] errorCode(ErrorCode error) {
        byte[] reason = error.reason().getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[4 + reason.length];
        value[2] = (byte) (error.code() / 100);
        value[3] = (byte) (error.code() % 100);
        System.arraycopy(reason, 0, value, 4, reason.length);
        return value;
    }

    private static byte[] unknownAttributes(UnknownAttributes unknown) {
        byte[] value = new byte[2 * unknown.types().size()];
        for (int i = 0; i < unknown.types().size(); i++) {
            putShort(value, 2 * i, unknown.types().get(i));
        }
        return value;
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }

    static void putShort(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
    }

    static void putInt(byte[] out, int at, int value) {
        putShort(out, at, value >>> 16);
        putShort(out, at + 2, value);
    }

    private static void putLong(byte[] out, int at, long value) {
        putInt(out, at, (int) (value >>> 32));
        putInt(out, at + 4, (int) value);
    }
}
