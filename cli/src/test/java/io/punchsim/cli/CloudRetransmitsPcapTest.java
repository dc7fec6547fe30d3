package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code protocol.cloud-max-retransmits: N} means N retransmissions after the first send: with the
 * cloud unreachable, the pcap of {@code punchsim trace} holds exactly 1 + N CreateSession and
 * 1 + N JoinRandom datagrams (each recorded once, when sent, as none is ever delivered).
 */
class CloudRetransmitsPcapTest {

    private static final int MAGIC = 0x5053;
    private static final int CREATE_SESSION = 0x01;
    private static final int JOIN_RANDOM = 0x03;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "cloud-max-retransmits: {0}")
    @ValueSource(ints = {0, 2, 5, 11})
    void anUnreachableCloudIsAskedOncePlusTheRetransmissions(int retransmits) throws Exception {
        Path file = dir.resolve("unreachable.yaml");
        Files.writeString(file, """
                name: cloud-unreachable
                protocol: {cloud-max-retransmits: %d}
                faults:
                  - link-down: {link: cloud, from: 0s, to: 1h}
                """.formatted(retransmits));
        Path pcap = dir.resolve("run.pcap");
        Cli.Result result = Cli.run("trace", file.toString(), "--seed", "1", "--pcap", pcap.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("CLOUD_UNREACHABLE");

        int[] byType = new int[256];
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        while (at < bytes.limit()) {
            int length = bytes.getInt(at + 8);
            int payload = at + 16 + 28;
            if (length >= 28 + 4 && (((bytes.get(payload) & 0xFF) << 8) | (bytes.get(payload + 1) & 0xFF)) == MAGIC) {
                byType[bytes.get(payload + 3) & 0xFF]++;
            }
            at += 16 + length;
        }
        assertThat(byType[CREATE_SESSION]).as("CreateSession sends, seed 1").isEqualTo(1 + retransmits);
        assertThat(byType[JOIN_RANDOM]).as("JoinRandom sends, seed 1").isEqualTo(1 + retransmits);
    }
}
