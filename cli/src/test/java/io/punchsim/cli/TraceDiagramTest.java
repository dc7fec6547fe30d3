package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text and Mermaid traces say what happened, against the spec: a symmetric host's NAT drops
 * every direct request (SPEC 3), so each is drawn crossed out with the NAT and the reason; the
 * cloud's NoSession reply is named so; every message is drawn once; the end of the host's listen
 * timeout (10 s after K2) and the faults appear at their times.
 */
class TraceDiagramTest {

    // Lossless, fixed latencies; the client starts before the host's session exists, so the cloud's
    // first answer to JoinRandom is NoSession. Attempts every 1 s, 16 of them: the relay attempts
    // (11 s after K1) come after the host's 10 s listen timeout.
    private static final String SCENARIO = """
            name: trace-diagram
            host: {nat: symmetric, link: {latency: 10ms}, startup-delay: 0s, join-delay: 500ms}
            client: {nat: port-restricted-cone, link: {latency: 10ms}, startup-delay: 0s, join-delay: 0s}
            protocol: {attempt-interval: 1s, attempt-limit: 16}
            faults:
              - nat-rebinding: {nat: client, at: 3s}
              - link-down: {link: cloud, from: 30s, to: 31s}
            """;

    @TempDir
    static Path dir;

    private static Cli.Result trace(String format) throws Exception {
        Path file = dir.resolve("trace.yaml");
        Files.writeString(file, SCENARIO);
        Cli.Result result = Cli.run("trace", file.toString(), "--seed", "1", "--format", format);
        assertThat(result.exit()).as(result.err()).isZero();
        return result;
    }

    private static double ms(String line) {
        return Double.parseDouble(line.strip().split(" +")[0]);
    }

    @Test
    void mermaidNamesTheNoSessionReplyAndDrawsEachSignallingMessageOnce() throws Exception {
        List<String> lines = trace("mermaid").out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("    CLOUD->>CLIENT: C3 ").endsWith(" NoSession"));
        assertThat(lines).filteredOn(l -> l.contains("NoSession")).allSatisfy(l -> assertThat(l).doesNotContain("SessionFound"));
        // Lossless signalling: each is sent once per step and drawn once, by the one who sent it. Two
        // JoinRandoms (the first answered NoSession, then the retry), one address report per peer.
        for (String kind : List.of("CreateSession", "SessionCreated", "JoinRandom", "SessionFound", "AddressReport", "Binding Success")) {
            int expected = kind.equals("JoinRandom") || kind.equals("AddressReport") || kind.equals("Binding Success") ? 2 : 1;
            assertThat(lines).as(kind).filteredOn(l -> l.contains("->>") && l.endsWith(" " + kind)).hasSize(expected);
        }
        assertThat(lines).filteredOn(l -> l.contains("->>") && l.endsWith("PeerAddresses"))
                .containsExactlyInAnyOrder(
                        lines.stream().filter(l -> l.startsWith("    CLOUD->>HOST: K2 ")).findFirst().orElseThrow(),
                        lines.stream().filter(l -> l.startsWith("    CLOUD->>CLIENT: K1 ")).findFirst().orElseThrow());
    }

    @Test
    void mermaidDrawsEveryDirectRequestToASymmetricHostAsDroppedByItsNat() throws Exception {
        List<String> lines = trace("mermaid").out().lines().toList();
        List<String> requests = lines.stream().filter(l -> l.contains(" ConnectRequest") && !l.contains("relayed")).toList();
        // f x L = 2/3 x 16: attempts 0..10 are direct.
        assertThat(requests).hasSize(11).allSatisfy(l -> assertThat(l)
                .startsWith("    CLIENT-xHOST: K3 ").contains("dropped at host-nat-0").contains("(filtered)"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).startsWith("    CLIENT->>HOST: K3"));
    }

    @Test
    void theTextTraceShowsDropsTheListenTimeoutEndingAndTheFaultsAtTheirTimes() throws Exception {
        List<String> lines = trace("text").out().lines().toList();
        double k2 = lines.stream().filter(l -> l.contains(" host   K2 ")).mapToDouble(TraceDiagramTest::ms).findFirst().orElseThrow();
        assertThat(lines).filteredOn(l -> l.contains(" host   K7   listen timeout")).singleElement()
                .satisfies(l -> assertThat(ms(l)).isEqualTo(k2 + 10_000, org.assertj.core.api.Assertions.within(1e-6)));
        assertThat(lines).filteredOn(l -> l.contains(" net    drop ConnectRequest client -> host")).hasSize(11)
                .allSatisfy(l -> assertThat(l).contains("dropped at host-nat-0").contains("(filtered)"));
        assertThat(lines).filteredOn(l -> l.contains(" fault ")).extracting(TraceDiagramTest::ms)
                .containsExactly(3000.0, 30_000.0, 31_000.0);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("client NAT (hop 0) drops all its mappings"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("outcome FAILED (ATTEMPTS_EXHAUSTED)");
    }
}
