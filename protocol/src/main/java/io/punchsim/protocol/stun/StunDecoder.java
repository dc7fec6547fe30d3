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
import java.util.Arrays;
import java.util.List;

/**
 * Reads STUN messages from untrusted datagrams. It never throws and never allocates from a length
 * field before checking that length against the bytes actually present.
 */
public final class StunDecoder {

    /** RFC 8489: USERNAME below 513 bytes, SOFTWARE and reason phrases below 128 characters (763 bytes). */
    static final int MAX_USERNAME = 513;
    static final int MAX_TEXT = 763;

    private StunDecoder() {}

    /** Whether the datagram starts like STUN: 20 bytes at least, top two bits zero, the magic cookie. */
    public static boolean looksLikeStun(byte[] datagram) {
        return datagram != null && datagram.length >= StunMessage.HEADER_LENGTH
                && (datagram[0] & 0xC0) == 0 && getInt(datagram, 4) == StunMessage.MAGIC_COOKIE;
    }

    public static DecodeResult decode(byte[] datagram) {
        if (datagram == null || datagram.length < StunMessage.HEADER_LENGTH) {
            return new Malformed(DecodeError.TOO_SHORT, "fewer than 20 bytes", null);
        }
        if ((datagram[0] & 0xC0) != 0) {
            return new Malformed(DecodeError.NOT_STUN, "top two bits set", null);
        }
        if (getInt(datagram, 4) != StunMessage.MAGIC_COOKIE) {
            return new Malformed(DecodeError.BAD_MAGIC_COOKIE, "magic cookie 0x" + Integer.toHexString(getInt(datagram, 4)), null);
        }
        int type = getShort(datagram, 0);
        StunHeader header = new StunHeader(StunMessage.methodOf(type), StunMessage.classOf(type),
                new TransactionId(Arrays.copyOfRange(datagram, 8, 20)));
        int length = getShort(datagram, 2);
        if (length % 4 != 0) {
            return new Malformed(DecodeError.LENGTH_NOT_MULTIPLE_OF_4, "length " + length, header);
        }
        int end = StunMessage.HEADER_LENGTH + length;
        if (end > datagram.length) {
            return new Malformed(DecodeError.LENGTH_EXCEEDS_DATAGRAM, "length " + length + " in " + datagram.length + " bytes", header);
        }
        if (end < datagram.length) {
            return new Malformed(DecodeError.TRAILING_BYTES, (datagram.length - end) + " bytes after the message", header);
        }

        List<StunAttribute> attributes = new ArrayList<>();
        int integrityOffset = -1;
        boolean fingerprinted = false;
        int at = StunMessage.HEADER_LENGTH;
        while (at < end) {
            if (at + 4 > end) {
                return new Malformed(DecodeError.TRUNCATED_ATTRIBUTE, "attribute header at " + at, header);
            }
            int attributeType = getShort(datagram, at);
            int valueLength = getShort(datagram, at + 2);
            int next = at + 4 + StunEncoder.padded(valueLength);
            if (next > end) {
                return new Malformed(DecodeError.TRUNCATED_ATTRIBUTE,
                        "attribute 0x" + Integer.toHexString(attributeType) + " of " + valueLength + " bytes at " + at, header);
            }
            if (fingerprinted) {
                return new Malformed(DecodeError.ATTRIBUTE_AFTER_FINGERPRINT, "attribute 0x" + Integer.toHexString(attributeType), header);
            }
            // RFC 8489 section 14.5: only FINGERPRINT may follow MESSAGE-INTEGRITY; anything else is ignored.
            if (integrityOffset >= 0 && attributeType != StunAttribute.FINGERPRINT) {
                at = next;
                continue;
            }
            AttributeOrError parsed = attribute(datagram, at, attributeType, valueLength, header.transactionId());
            if (parsed.error != null) {
                return new Malformed(parsed.error, "attribute 0x" + Integer.toHexString(attributeType) + " at " + at, header);
            }
            if (parsed.attribute instanceof Fingerprint fingerprint) {
                int expected = Digests.fingerprint(datagram, at);
                if (fingerprint.crc() != expected) {
                    return new Malformed(DecodeError.BAD_FINGERPRINT, "CRC mismatch", header);
                }
                fingerprinted = true;
            } else if (parsed.attribute instanceof MessageIntegrity) {
                integrityOffset = at;
            }
            attributes.add(parsed.attribute);
            at = next;
        }
        StunMessage message = new StunMessage(header.method(), header.messageClass(), header.transactionId(), attributes);
        return new Decoded(message, datagram, integrityOffset);
    }

    /** One of the two is set. */
    private record AttributeOrError(StunAttribute attribute, DecodeError error) {
        static AttributeOrError of(StunAttribute attribute) {
            return new AttributeOrError(attribute, null);
        }

        static AttributeOrError error(DecodeError error) {
            return new AttributeOrError(null, error);
        }
    }

    private static AttributeOrError attribute(byte[] d, int at, int type, int length, TransactionId transactionId) {
        int v = at + 4;
        switch (type) {
            case StunAttribute.MAPPED_ADDRESS:
            case StunAttribute.XOR_MAPPED_ADDRESS:
            case StunAttribute.RESPONSE_ORIGIN:
            case StunAttribute.OTHER_ADDRESS: {
                boolean xor = type == StunAttribute.XOR_MAPPED_ADDRESS;
                AddressOrError address = address(d, v, length, xor ? transactionId : null);
                if (address.error != null) {
                    return AttributeOrError.error(address.error);
                }
                StunAddress a = address.address;
                return AttributeOrError.of(switch (type) {
                    case StunAttribute.MAPPED_ADDRESS -> new MappedAddress(a);
                    case StunAttribute.XOR_MAPPED_ADDRESS -> new XorMappedAddress(a);
                    case StunAttribute.RESPONSE_ORIGIN -> new ResponseOrigin(a);
                    default -> new OtherAddress(a);
                });
            }
            case StunAttribute.CHANGE_REQUEST: {
                if (length != 4) {
                    return AttributeOrError.error(DecodeError.BAD_ATTRIBUTE_LENGTH);
                }
                int flags = getInt(d, v);
                return AttributeOrError.of(new ChangeRequest((flags & 0x04) != 0, (flags & 0x02) != 0));
            }
            case StunAttribute.RESPONSE_PORT:
                return length != 4 ? AttributeOrError.error(DecodeError.BAD_ATTRIBUTE_LENGTH)
                        : AttributeOrError.of(new ResponsePort(getShort(d, v)));
            case StunAttribute.PADDING:
                return AttributeOrError.of(new Padding(length));
            case StunAttribute.USERNAME:
                return length > MAX_USERNAME ? AttributeOrError.error(DecodeError.BAD_ATTRIBUTE_LENGTH)
                        : AttributeOrError.of(new Username(text(d, v, length)));
            case StunAttribute.SOFTWARE:
                return length > MAX_TEXT ? AttributeOrError.error(DecodeError.BAD_ATTRIBUTE_LENGTH)
                        : AttributeOrError.of(new Software(text(d, v, length)));
            case StunAttribute.ERROR_CODE: {
                if (length < 4 || length > 4 + MAX_TEXT) {
                    return AttributeOrError.error(DecodeError.BAD_ATTRIBUTE_LENGTH);
                }
                int errorClass = d[v + 2] & 0x07;
                int number = d[v + 3] & 0xFF;
                if (errorClass < 3 || errorClass > 6 || number > 99) {
                    return AttributeOrError.error(DecodeError.BAD_ATTRIBUTE_VALUE);
                }
                return AttributeOrError.of(new ErrorCode(errorClass * 100 + number, text(d, v + 4, length - 4)));
            }
            case StunAttribute.UNKNOWN_ATTRIBUTES: {
                if (length % 2 != 0) {
                    return AttributeOrError.error(DecodeError.BAD_ATTRIBUTE_LENGTH);
                }
                List<Integer> types = new ArrayList<>(length / 2);
                for (int i = 0; i < length; i += 2) {
                    types.add(getShort(d, v + i));
                }
                return AttributeOrError.of(new UnknownAttributes(types));
            }
            case StunAttribute.MESSAGE_INTEGRITY:
                return length != MessageIntegrity.LENGTH ? AttributeOrError.error(DecodeError.BAD_ATTRIBUTE_LENGTH)
                        : AttributeOrError.of(new MessageIntegrity(Arrays.copyOfRange(d, v, v + length)));
            case StunAttribute.FINGERPRINT:
                return length != 4 ? AttributeOrError.error(DecodeError.BAD_ATTRIBUTE_LENGTH)
                        : AttributeOrError.of(new Fingerprint(getInt(d, v)));
            default:
                return AttributeOrError.of(new Opaque(type, Arrays.copyOfRange(d, v, v + length)));
        }
    }

    private record AddressOrError(StunAddress address, DecodeError error) {}

    private static AddressOrError address(byte[] d, int v, int length, TransactionId xorWith) {
        if (length < 4) {
            return new AddressOrError(null, DecodeError.BAD_ATTRIBUTE_LENGTH);
        }
        int family = d[v + 1] & 0xFF;
        int port = getShort(d, v + 2) ^ (xorWith == null ? 0 : StunMessage.MAGIC_COOKIE >>> 16);
        if (family == StunAddress.FAMILY_IPV4) {
            if (length != 8) {
                return new AddressOrError(null, DecodeError.BAD_ATTRIBUTE_LENGTH);
            }
            int ip = getInt(d, v + 4) ^ (xorWith == null ? 0 : StunMessage.MAGIC_COOKIE);
            return new AddressOrError(new StunAddress.V4(ip, port), null);
        }
        if (family == StunAddress.FAMILY_IPV6) {
            if (length != 20) {
                return new AddressOrError(null, DecodeError.BAD_ATTRIBUTE_LENGTH);
            }
            byte[] raw = Arrays.copyOfRange(d, v + 4, v + 20);
            if (xorWith != null) {
                byte[] mask = StunEncoder.xorMask(xorWith);
                for (int i = 0; i < 16; i++) {
                    raw[i] ^= mask[i];
                }
            }
            return new AddressOrError(new StunAddress.V6(getLong(raw, 0), getLong(raw, 8), port), null);
        }
        return new AddressOrError(null, DecodeError.BAD_ADDRESS_FAMILY);
    }

    private static String text(byte[] d, int from, int length) {
        return new String(d, from, length, StandardCharsets.UTF_8);
    }

    static int getShort(byte[] d, int at) {
        return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
    }

    static int getInt(byte[] d, int at) {
        return (getShort(d, at) << 16) | getShort(d, at + 2);
    }

    private static long getLong(byte[] d, int at) {
        return ((long) getInt(d, at) << 32) | (getInt(d, at + 4) & 0xFFFFFFFFL);
    }
}
