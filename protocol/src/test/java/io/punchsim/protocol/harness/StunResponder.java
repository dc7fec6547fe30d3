package io.punchsim.protocol.harness;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;

/**
 * A STUN server for tests, written from RFC 8489 independently of the code under test: answers a
 * Binding request with a success response carrying XOR-MAPPED-ADDRESS of the observed source.
 */
public final class StunResponder implements Machine {

    private Context context;
    private int answered;

    @Override
    public void start(Context context) {
        this.context = context;
    }

    public int answered() {
        return answered;
    }

    @Override
    public void onDatagram(Endpoint source, byte[] p) {
        boolean binding = p.length >= 20 && p[0] == 0 && p[1] == 1
                && (p[4] & 0xFF) == 0x21 && (p[5] & 0xFF) == 0x12 && (p[6] & 0xFF) == 0xA4 && (p[7] & 0xFF) == 0x42;
        if (!binding) {
            return;
        }
        byte[] r = new byte[32];
        r[0] = 0x01; r[1] = 0x01; r[3] = 12;
        System.arraycopy(p, 4, r, 4, 16);
        r[21] = 0x20; r[23] = 8; r[25] = 1;
        int port = source.port() ^ 0x2112;
        int ip = source.ip() ^ 0x2112A442;
        r[26] = (byte) (port >>> 8); r[27] = (byte) port;
        r[28] = (byte) (ip >>> 24); r[29] = (byte) (ip >>> 16); r[30] = (byte) (ip >>> 8); r[31] = (byte) ip;
        answered++;
        context.send(source, r);
    }
}
