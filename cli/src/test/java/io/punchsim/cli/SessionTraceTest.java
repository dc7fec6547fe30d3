package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace of a session of three clients names each client in every format, with its own NAT, its
 * own steps and its own outcome. The oracle is SPEC 3: behind a port-restricted-cone host, a
 * full-cone client connects directly and a symmetric one only through the relay.
 */
class SessionTraceTest {
    // Each client draws full-cone or symmetric; seed 1 gives client and client-3 symmetric NATs
    // and client-2 a full-cone one, which the test reads from the header rather than assumes.
    private static final String SCENARIO = """
            name: trace-session
            host: {nat: port-restricted-cone, link: {latency: 10ms}, startup-delay: 0s}
            client:
              nat: {mix: [{nat: full-cone, weight: 50%}, {nat: symmetric, weight: 50%}]}
              link: {latency: 10ms}
              startup-delay: 0s
              join-delay: 0s
            session: {clients: 3}
            """;
    private static final long SEED = 1;
    private static final List<String> CLIENTS = List.of("client", "client-2", "client-3");

    @TempDir
    Path dir;

    private Cli.Result trace(String... more) throws Exception {
        Path file = dir.resolve("session.yaml");
        Files.writeString(file, SCENARIO);
        List<String> args = new ArrayList<>(List.of("trace", file.toString(), "--seed", Long.toString(SEED)));
        args.addAll(List.of(more));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exit()).as("seed " + SEED + ": " + result.err()).isZero();
        return result;
    }

    /** Each client's NAT, from the text trace's header. */
    private Map<String, String> nats() throws Exception {
        String header = trace().out().lines().findFirst().orElseThrow();
        Map<String, String> nats = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(client(?:-\\d+)?) behind ([a-z-]+)").matcher(header);
        while (m.find()) {
            nats.put(m.group(1), m.group(2));
        }
        assertThat(nats.keySet()).as("seed %d: %s", SEED, header).containsExactlyElementsOf(CLIENTS);
        assertThat(header).as("seed %d", SEED).startsWith("seed 1: host behind port-restricted-cone, ");
        assertThat(nats.values()).as("seed %d draws both kinds of client", SEED).contains("full-cone", "symmetric");
        return nats;
    }

    private static String predicted(String nat) {
        return nat.equals("full-cone") ? "DIRECT" : "RELAYED";
    }

    @Test
    void theTextTraceNamesEachClientsStepsAndOutcome() throws Exception {
        Map<String, String> nats = nats();
        List<String> lines = trace().out().lines().toList();
        for (String client : CLIENTS) {
            // Every client reports its own addresses (C11) and receives its own pairing (K1).
            assertThat(lines).as("seed %d: %s", SEED, client)
                    .anySatisfy(l -> assertThat(l).matches(" *[0-9.]+ ms  " + client + " +C11 .*"))
                    .anySatisfy(l -> assertThat(l).matches(" *[0-9.]+ ms  " + client + " +K1 .*"));
        }
        assertThat(lines.subList(lines.size() - 3, lines.size())).as("seed %d", SEED).satisfiesExactly(
                l -> assertThat(l).startsWith("client: outcome " + predicted(nats.get("client")) + " "),
                l -> assertThat(l).startsWith("client-2: outcome " + predicted(nats.get("client-2")) + " "),
                l -> assertThat(l).startsWith("client-3: outcome " + predicted(nats.get("client-3")) + " "));
        // The host's pings to a symmetric client die at that client's NAT, named as that client's.
        for (String client : CLIENTS) {
            if (nats.get(client).equals("symmetric")) {
                assertThat(lines).as("seed %d: %s", SEED, client).anySatisfy(l -> assertThat(l)
                        .contains(" net      drop Ping host -> " + client + " ").contains("dropped at " + client + "-nat-0"));
            } else {
                assertThat(lines).as("seed %d: %s", SEED, client).noneSatisfy(l -> assertThat(l).contains("drop Ping host -> " + client + " "));
            }
        }
    }

    @Test
    void jsonLinesCarryThePeerOfEveryStepAndEachClientsOutcome() throws Exception {
        Map<String, String> nats = nats();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : trace("--format", "json").out().strip().split("\n")) {
            lines.add(json.readTree(line));
        }
        List<JsonNode> steps = lines.stream().filter(l -> l.has("step")).toList();
        assertThat(steps).as("seed %d", SEED).allSatisfy(l -> assertThat(l.path("peer").asText()).isNotEmpty());
        for (String client : CLIENTS) {
            assertThat(steps).as("seed %d: %s", SEED, client).anySatisfy(l -> {
                assertThat(l.get("peer").asText()).isEqualTo(client);
                assertThat(l.get("role").asText()).isEqualTo("client");
                assertThat(l.get("step").asText()).isEqualTo("K1");
            });
        }
        List<JsonNode> outcomes = lines.stream().filter(l -> l.has("outcome")).toList();
        assertThat(outcomes).as("seed %d", SEED).hasSize(3);
        for (int k = 0; k < 3; k++) {
            assertThat(outcomes.get(k).get("peer").asText()).isEqualTo(CLIENTS.get(k));
            assertThat(outcomes.get(k).get("outcome").asText()).as("seed %d: %s", SEED, CLIENTS.get(k))
                    .isEqualTo(predicted(nats.get(CLIENTS.get(k))));
            assertThat(outcomes.get(k).get("seed").asLong()).isEqualTo(SEED);
        }
    }

    @Test
    void mermaidDrawsOneParticipantPerClientAndPcapHoldsEveryClientsDatagrams() throws Exception {
        Map<String, String> nats = nats();
        Path pcap = dir.resolve("session.pcap");
        List<String> lines = trace("--format", "mermaid", "--pcap", pcap.toString()).out().lines().toList();
        assertThat(lines).as("seed %d", SEED).contains("    participant CLIENT as Client", "    participant CLIENT2 as Client 2",
                "    participant CLIENT3 as Client 3");
        for (int k = 0; k < 3; k++) {
            String id = k == 0 ? "CLIENT" : "CLIENT" + (k + 1);
            String client = CLIENTS.get(k);
            assertThat(lines).as("seed %d: %s", SEED, client)
                    .anySatisfy(l -> assertThat(l).startsWith("    CLOUD->>" + id + ": K1 "))
                    .contains("    Note over " + id + ": outcome " + predicted(nats.get(client)) + " at attempt "
                            + (predicted(nats.get(client)).equals("DIRECT") ? "0" : "7") + ", "
                            + lines.stream().filter(l -> l.startsWith("    Note over " + id + ": outcome ")).findFirst().orElseThrow()
                                    .replaceFirst(".*, ", ""));
            if (nats.get(client).equals("full-cone")) {
                assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("    HOST->>" + id + ": K7 "));
            } else {
                assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("    HOST-x" + id + ": K7 ").contains("dropped at " + client + "-nat-0"));
            }
        }

        // Every peer's Binding request is captured twice: from its local address as it leaves, and
        // from the reflexive one its NAT gave it, both as the text trace's H8/C8 and H10/C10 say.
        Set<String> peerAddresses = new HashSet<>();
        Matcher local = Pattern.compile(" (?:host|client(?:-\\d+)?) +(?:H8|C8|H10|C10) +(?:local|reflexive) ([0-9.]+):")
                .matcher(trace().out());
        while (local.find()) {
            peerAddresses.add(local.group(1));
        }
        assertThat(peerAddresses).as("seed %d: a local and a reflexive address of 4 peers", SEED).hasSize(8);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.getInt(0)).as("nanosecond pcap magic").isEqualTo(0xa1b23c4d);
        Set<String> stunSenders = new HashSet<>();
        int at = 24;
        while (at < bytes.limit()) {
            int length = bytes.getInt(at + 8);
            int ip = at + 16;
            int dstPort = ((bytes.get(ip + 22) & 0xFF) << 8) | (bytes.get(ip + 23) & 0xFF);
            if (dstPort == 3478) {
                stunSenders.add((bytes.get(ip + 12) & 0xFF) + "." + (bytes.get(ip + 13) & 0xFF) + "." + (bytes.get(ip + 14) & 0xFF)
                        + "." + (bytes.get(ip + 15) & 0xFF));
            }
            at += 16 + length;
        }
        assertThat(at).isEqualTo(bytes.limit());
        assertThat(stunSenders).as("seed %d: the host's and three clients' addresses", SEED).isEqualTo(peerAddresses);
    }
}
