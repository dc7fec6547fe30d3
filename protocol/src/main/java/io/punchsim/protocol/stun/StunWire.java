package io.punchsim.protocol.stun;

import io.punchsim.protocol.net.Endpoint;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The part of STUN (RFC 8489) a peer needs: a Binding request with FINGERPRINT, and the mapped
 * address of a matching success response. Never throws on malformed bytes.
 */
public final class StunWire {

    public static final int MAGIC_COOKIE = 0x2112A442;
    private static final int BINDING_REQUEST = 0x0001;
    private static final int BINDING_SUCCESS = 0x0101;
    private static final int MAPPED_ADDRESS = 0x0001;
    private static final int XOR_MAPPED_ADDRESS = 0x0020;
    private static final int FINGERPRINT = 0x8028;
    private static final int FINGERPRINT_XOR = 0x5354554E;

    private StunWire() {}

    /** A Binding request with the given 12-byte transaction id and a FINGERPRINT attribute. */
    public static byte[] bindingRequest(byte[] transactionId) {
        if (transactionId.length != 12) {
            throw new IllegalArgumentException("transaction id must be 12 bytes");
        }
        byte[] b = new byte[20 + 8];
        putU16(b, 0, BINDING_REQUEST);
        putU16(b, 2, 8);
        putU32(b, 4, MAGIC_COOKIE);
        System.arraycopy(transactionId, 0, b, 8, 12);
        putU16(b, 20, FINGERPRINT);
        putU16(b, 22, 4);
        CRC32 crc = new CRC32();
        crc.update(b, 0, 20);
        putU32(b, 24, (int) crc.getValue() ^ FINGERPRINT_XOR);
        return b;
    }

    /**
     * The XOR-MAPPED-ADDRESS (else MAPPED-ADDRESS) of a Binding success response with this
     * transaction id; empty for anything else.
     */
    public static Optional<Endpoint> mappedAddress(byte[] response, byte[] transactionId) {
        if (!isStun(response) || response.length < 20 || transactionId.length != 12) {
            return Optional.empty();
        }
        if (u16(response, 0) != BINDING_SUCCESS) {
            return Optional.empty();
        }
        int length = u16(response, 2);
        if (length + 20 != response.length || (length & 3) != 0) {
            return Optional.empty();
        }
        for (int i = 0; i < 12; i++) {
            if (response[8 + i] != transactionId[i]) {
                return Optional.empty();
            }
        }
        Endpoint mapped = null;
        Endpoint xorMapped = null;
        int pos = 20;
        while (pos + 4 <= response.length) {
            int type = u16(response, pos);
            int len = u16(response, pos + 2);
            int value = pos + 4;
            if (value + len > response.length) {
                return Optional.empty();
            }
            // Family 0x01 is IPv4: 1 reserved byte, family, port, 4-byte address.
            if ((type == MAPPED_ADDRESS || type == XOR_MAPPED_ADDRESS) && len == 8
                    && (response[value + 1] & 0xFF) == 0x01) {
                int port = u16(response, value + 2);
                int ip = u32(response, value + 4);
                if (type == XOR_MAPPED_ADDRESS) {
                    xorMapped = new Endpoint(ip ^ MAGIC_COOKIE, port ^ (MAGIC_COOKIE >>> 16));
                } else {
                    mapped = new Endpoint(ip, port);
                }
            }
            pos = value + ((len + 3) & ~3);
        }
        return Optional.ofNullable(xorMapped != null ? xorMapped : mapped);
    }

    /** True if the payload looks like STUN: top two bits zero and the magic cookie in place. */
    public static boolean isStun(byte[] payload) {
        return payload.length >= 20 && (payload[0] & 0xC0) == 0 && u32(payload, 4) == MAGIC_COOKIE;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int u32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void putU32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
