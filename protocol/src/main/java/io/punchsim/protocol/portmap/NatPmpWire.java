package io.punchsim.protocol.portmap;

import java.util.OptionalInt;

/**
 * The client side of NAT-PMP (RFC 6886), the port-mapping exchange of the {@code port-mapping}
 * variant: the external-address request and the UDP map request, and their answers. Decoders
 * never throw: anything that is not the expected answer reads as empty.
 */
public final class NatPmpWire {
    /** The server port on the gateway (RFC 6886 section 3.1). */
    public static final int PORT = 5351;
    /** The lease a peer asks for: two hours, RFC 6886's recommended lifetime (section 3.3). */
    public static final int LIFETIME_SECONDS = 7_200;

    private static final int VERSION = 0;
    private static final int OP_EXTERNAL_ADDRESS = 0;
    private static final int OP_MAP_UDP = 1;

    private NatPmpWire() {}

    /** {@code 00 00}: what is my external address? */
    public static byte[] externalAddressRequest() {
        return new byte[] {VERSION, OP_EXTERNAL_ADDRESS};
    }

    /** A UDP map request for {@code internalPort}, suggesting the same external port. */
    public static byte[] mapRequest(int internalPort) {
        byte[] b = new byte[12];
        b[0] = VERSION;
        b[1] = OP_MAP_UDP;
        b[4] = (byte) (internalPort >>> 8);
        b[5] = (byte) internalPort;
        b[6] = b[4];
        b[7] = b[5];
        b[8] = (byte) (LIFETIME_SECONDS >>> 24);
        b[9] = (byte) (LIFETIME_SECONDS >>> 16);
        b[10] = (byte) (LIFETIME_SECONDS >>> 8);
        b[11] = (byte) LIFETIME_SECONDS;
        return b;
    }

    /** Whether a datagram is one of the two requests (for counting packets by kind). */
    public static boolean isRequest(byte[] b) {
        return b.length >= 2 && b[0] == VERSION
                && ((b.length == 2 && b[1] == OP_EXTERNAL_ADDRESS) || (b.length == 12 && b[1] == OP_MAP_UDP));
    }

    /** The IPv4 address of a successful external-address answer. */
    public static OptionalInt externalAddress(byte[] b) {
        if (b.length != 12 || !success(b, OP_EXTERNAL_ADDRESS)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(((b[8] & 0xFF) << 24) | ((b[9] & 0xFF) << 16) | ((b[10] & 0xFF) << 8) | (b[11] & 0xFF));
    }

    /** Whether a datagram is an answer to the map request, successful or not. */
    public static boolean isMapAnswer(byte[] b) {
        return b.length >= 4 && b[0] == VERSION && (b[1] & 0xFF) == 128 + OP_MAP_UDP;
    }

    /** Whether a datagram is an answer to the external-address request, successful or not. */
    public static boolean isExternalAddressAnswer(byte[] b) {
        return b.length >= 4 && b[0] == VERSION && (b[1] & 0xFF) == 128 + OP_EXTERNAL_ADDRESS;
    }

    /** The external port of a successful map answer for {@code internalPort}. */
    public static OptionalInt mappedPort(byte[] b, int internalPort) {
        if (b.length != 16 || !success(b, OP_MAP_UDP)) {
            return OptionalInt.empty();
        }
        int internal = ((b[8] & 0xFF) << 8) | (b[9] & 0xFF);
        int external = ((b[10] & 0xFF) << 8) | (b[11] & 0xFF);
        return internal == internalPort && external != 0 ? OptionalInt.of(external) : OptionalInt.empty();
    }

    private static boolean success(byte[] b, int op) {
        return b[0] == VERSION && (b[1] & 0xFF) == 128 + op && b[2] == 0 && b[3] == 0;
    }
}
