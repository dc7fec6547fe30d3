package io.punchsim.realnet.process;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.wire.MessageCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The cloud's messages written and read by hand, byte by byte, as someone without our code would:
 * only the header constants come from {@link MessageCodec}. Field layouts as in the protocol
 * README; a reader takes only the leading fields every version of a message has.
 */
final class CloudWire {

    static final int CREATE_SESSION = 0x01;
    static final int SESSION_CREATED = 0x02;
    static final int JOIN_RANDOM = 0x03;
    static final int SESSION_FOUND = 0x04;
    static final int NO_SESSION = 0x05;
    static final int JOIN_REQUEST = 0x06;
    static final int JOIN_ACK = 0x07;
    static final int START = 0x08;
    static final int ADDRESS_REPORT = 0x09;
    static final int ACK = 0x10;
    static final int PING = 0x20;
    static final int CONNECT_ACCEPT = 0x22;
    static final int HOST = 1;
    static final int CLIENT = 2;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private CloudWire(int type) {
        u16(MessageCodec.MAGIC).u8(MessageCodec.VERSION).u8(type);
    }

    static CloudWire message(int type) {
        return new CloudWire(type);
    }

    CloudWire u8(int v) {
        out.write(v);
        return this;
    }

    CloudWire u16(int v) {
        return u8(v >>> 8).u8(v & 0xFF);
    }

    CloudWire u32(int v) {
        return u16(v >>> 16).u16(v & 0xFFFF);
    }

    CloudWire u64(long v) {
        return u32((int) (v >>> 32)).u32((int) v);
    }

    CloudWire endpoint(Endpoint e) {
        return u32(e.ip()).u16(e.port());
    }

    /** Properties {@code k000=v}, {@code k001=v}, … in ascending key order. */
    CloudWire props(int count) {
        u8(count);
        for (int i = 0; i < count; i++) {
            byte[] key = String.format("k%03d", i).getBytes(StandardCharsets.UTF_8);
            u8(key.length);
            out.write(key, 0, key.length);
            u8(1).u8('v');
        }
        return this;
    }

    /** The properties a real peer sends: {@code mode=ClientServer}. */
    CloudWire clientServer() {
        u8(1);
        for (String s : new String[] {"mode", "ClientServer"}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u8(b.length);
            out.write(b, 0, b.length);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static int type(byte[] message) {
        return message.length >= 4 && (((message[0] & 0xFF) << 8) | (message[1] & 0xFF)) == MessageCodec.MAGIC
                ? message[3] & 0xFF : -1;
    }

    static int u32(byte[] message, int at) {
        return ((message[at] & 0xFF) << 24) | ((message[at + 1] & 0xFF) << 16) | ((message[at + 2] & 0xFF) << 8)
                | (message[at + 3] & 0xFF);
    }

    /** The sequence number of a reliable message (types below 0x10), for its Ack. */
    static int seq(byte[] message) {
        return u32(message, 4);
    }

    static boolean reliable(byte[] message) {
        int type = type(message);
        return type > 0 && type < 0x10;
    }

    /** SessionCreated and SessionFound: seq, then the session id. */
    static int sessionId(byte[] message) {
        return u32(message, 8);
    }

    static byte[] ack(int seq) {
        return message(ACK).u32(seq).bytes();
    }
}
