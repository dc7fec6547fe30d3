package io.punchsim.sim.pcap;

import io.punchsim.sim.net.Datagram;
import io.punchsim.sim.net.TraceListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes the datagrams of a run as a pcap capture that Wireshark and tcpdump read: every datagram as
 * its sender sent it and as its receiver got it (so NAT translation shows as two records with
 * different addresses), each framed as a real IPv4/UDP packet with its payload bytes, stamped with
 * the virtual time to the nanosecond.
 *
 * <p>The file uses the nanosecond-resolution pcap magic and link type RAW (the packet starts with
 * its IPv4 header). UDP checksums are zero, which IPv4 allows.
 */
public final class PcapWriter implements TraceListener, AutoCloseable {
    private static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    private static final int LINKTYPE_RAW = 101;
    private static final int SNAPLEN = 65535;
    private static final int IPV4_HEADER = 20;
    private static final int UDP_HEADER = 8;

    private final OutputStream out;

    public PcapWriter(OutputStream out) {
        this.out = out;
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC_NANOSECONDS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(SNAPLEN).putInt(LINKTYPE_RAW);
        write(header.array());
    }

    @Override
    public void onSend(long now, String node, Datagram datagram) {
        record(now, datagram);
    }

    @Override
    public void onDeliver(long now, String node, Datagram datagram) {
        record(now, datagram);
    }

    private void record(long now, Datagram d) {
        int length = IPV4_HEADER + UDP_HEADER + d.payload().length;
        if (length > SNAPLEN) {
            return;
        }
        ByteBuffer record = ByteBuffer.allocate(16 + length);
        record.order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) (now / 1_000_000_000L))
                .putInt((int) (now % 1_000_000_000L))
                .putInt(length)
                .putInt(length);
        record.order(ByteOrder.BIG_ENDIAN);
        int ipStart = record.position();
        record.put((byte) 0x45).put((byte) 0).putShort((short) length)
                .putShort((short) d.id()).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0)
                .putInt(d.source().ip()).putInt(d.destination().ip());
        record.putShort(ipStart + 10, (short) checksum(record.array(), ipStart, IPV4_HEADER));
        record.putShort((short) d.source().port()).putShort((short) d.destination().port())
                .putShort((short) (UDP_HEADER + d.payload().length)).putShort((short) 0)
                .put(d.payload());
        write(record.array());
    }

    /** The Internet checksum (RFC 1071) of the IPv4 header. */
    static int checksum(byte[] bytes, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += ((bytes[offset + i] & 0xFF) << 8) | (bytes[offset + i + 1] & 0xFF);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
