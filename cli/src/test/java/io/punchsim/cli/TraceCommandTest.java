package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace} shows one run step by step, in the spec's step ids and times, and writes a pcap. */
class TraceCommandTest {
    private static final String SCENARIO = """
            name: trace-check
            host: {nat: symmetric, link: {latency: 10ms}, startup-delay: 0s}
            client: {nat: symmetric, link: {latency: 10ms}, startup-delay: 0s, join-delay: 0s}
            """;

    @TempDir
    Path dir;

    @Test
    void jsonLinesCarryTheStepsAndTheSpecTimingOfAttempts() throws Exception {
        Path file = dir.resolve("trace.yaml");
        Files.writeString(file, SCENARIO);
        Cli.Result result = Cli.run("trace", file.toString(), "--seed", "3", "--format", "json");
        assertThat(result.exit()).as(result.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : result.out().strip().split("\n")) {
            lines.add(json.readTree(line));
        }
        double k1 = lines.stream().filter(l -> "K1".equals(l.path("step").asText()) && "client".equals(l.path("role").asText()))
                .findFirst().orElseThrow().get("ms").asDouble();
        List<Double> direct = lines.stream()
                .filter(l -> "K3".equals(l.path("step").asText()) && "client".equals(l.path("role").asText()))
                .map(l -> l.get("ms").asDouble() - k1).toList();
        List<Double> relayed = lines.stream()
                .filter(l -> "K4".equals(l.path("step").asText()) && "client".equals(l.path("role").asText()))
                .map(l -> l.get("ms").asDouble() - k1).toList();
        // Symmetric host: no direct attempt gets through, so all 7 direct attempts go out, then relay.
        assertThat(direct).containsExactly(0.0, 500.0, 1000.0, 1500.0, 2000.0, 2500.0, 3000.0);
        assertThat(relayed).first().isEqualTo(3500.0);
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.get("outcome").asText()).isEqualTo("RELAYED");
        assertThat(last.get("seed").asLong()).isEqualTo(3);
    }

    @Test
    void mermaidIsASequenceDiagramAndPcapHoldsRealIpv4UdpPackets() throws Exception {
        Path file = dir.resolve("trace.yaml");
        Files.writeString(file, SCENARIO);
        Path pcap = dir.resolve("run.pcap");
        Cli.Result result = Cli.run("trace", file.toString(), "--seed", "3", "--format", "mermaid", "--pcap",
                pcap.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("sequenceDiagram").contains("CLIENT->>CLOUD: K4");

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.getInt(0)).as("nanosecond pcap magic").isEqualTo(0xa1b23c4d);
        assertThat(bytes.getInt(20)).as("link type RAW").isEqualTo(101);
        int records = 0;
        int stun = 0;
        int at = 24;
        while (at < bytes.limit()) {
            int length = bytes.getInt(at + 8);
            int ip = at + 16;
            assertThat(bytes.get(ip) & 0xFF).as("IPv4, 20-byte header").isEqualTo(0x45);
            assertThat(bytes.get(ip + 9)).as("UDP").isEqualTo((byte) 17);
            int dstPort = ((bytes.get(ip + 22) & 0xFF) << 8) | (bytes.get(ip + 23) & 0xFF);
            int cookie = ByteBuffer.wrap(bytes.array(), ip + 28 + 4, 4).order(ByteOrder.BIG_ENDIAN).getInt();
            if (dstPort == 3478) {
                assertThat(cookie).as("STUN magic cookie in a Binding request").isEqualTo(0x2112A442);
                stun++;
            }
            records++;
            at += 16 + length;
        }
        assertThat(at).isEqualTo(bytes.limit());
        assertThat(records).isGreaterThan(20);
        assertThat(stun).isGreaterThanOrEqualTo(2);
    }
}
