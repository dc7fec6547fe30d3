package io.punchsim.nat;

import io.punchsim.sim.net.Endpoint;

/**
 * The server side of a NAT's port-mapping service on the virtual network, in NAT-PMP's wire format
 * (RFC 6886): an external-address request ({@code 00 00}) and a UDP map request (opcode 1, 12
 * bytes), each answered from the NAT's own address. The client side lives in the protocol module,
 * which knows nothing of NATs; the two meet only in the bytes.
 */
final class PortMappingService {
    /** The NAT-PMP and PCP server port (RFC 6886 section 3.1, RFC 6887 section 19.1). */
    static final int PORT = 5351;

    private static final int VERSION = 0;
    private static final int OP_EXTERNAL_ADDRESS = 0;
    private static final int OP_MAP_UDP = 1;
    private static final int RESULT_SUCCESS = 0;
    private static final int RESULT_OUT_OF_RESOURCES = 4;
    private static final int RESULT_UNSUPPORTED_OPCODE = 5;

    private PortMappingService() {}

    /**
     * The answer to {@code request} from the inside endpoint {@code source}, or null for what is not
     * a NAT-PMP request (dropped unanswered, as RFC 6886 section 3.5 lets a server do).
     */
    static byte[] answer(NatTable table, long now, Endpoint source, byte[] request) {
        if (request.length < 2 || (request[0] & 0xFF) != VERSION) {
            return null;
        }
        int op = request[1] & 0xFF;
        long epoch = now / 1_000_000_000L;
        if (op == OP_EXTERNAL_ADDRESS && request.length == 2) {
            byte[] b = header(12, op, RESULT_SUCCESS, epoch);
            putInt(b, 8, table.serviceAddress(source.ip()));
            return b;
        }
        if (op == OP_MAP_UDP && request.length == 12) {
            int internalPort = ((request[4] & 0xFF) << 8) | (request[5] & 0xFF);
            long lifetime = ((long) (request[8] & 0xFF) << 24) | ((request[9] & 0xFF) << 16)
                    | ((request[10] & 0xFF) << 8) | (request[11] & 0xFF);
            Endpoint granted = lifetime == 0 ? null : table.grantMapping(now, new Endpoint(source.ip(), internalPort));
            byte[] b = header(16, op, granted == null ? RESULT_OUT_OF_RESOURCES : RESULT_SUCCESS, epoch);
            b[8] = request[4];
            b[9] = request[5];
            if (granted != null) {
                b[10] = (byte) (granted.port() >>> 8);
                b[11] = (byte) granted.port();
                putInt(b, 12, (int) lifetime);
            }
            return b;
        }
        return header(8, op, RESULT_UNSUPPORTED_OPCODE, epoch);
    }

    private static byte[] header(int length, int op, int result, long epoch) {
        byte[] b = new byte[length];
        b[0] = VERSION;
        b[1] = (byte) (128 + op);
        b[2] = (byte) (result >>> 8);
        b[3] = (byte) result;
        putInt(b, 4, (int) epoch);
        return b;
    }

    private static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
