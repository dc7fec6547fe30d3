package io.punchsim.realnet.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.realnet.RealnetMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SPEC 2.8 on real sockets: one real host serves several real clients at once, each paired with it
 * by the real cloud on its own, and a full session refuses the client beyond its capacity. Every
 * process is separate and on loopback (no NAT, so every client connects DIRECT).
 */
class SessionProcessTest {

    /** Keeps runs short without touching the connection schedule (as in LoopbackProcessTest). */
    private static final List<String> SHORT_GAME = List.of("--game-phase-enabled", "--game-phase-length", "300ms");

    /** A peer's arguments; a flag in {@code extra} overrides the same one of the short game. */
    private static String[] peer(String command, String cloud, String stun, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--cloud", cloud, "--stun", stun));
        List<String> more = List.of(extra);
        for (int i = 0; i < SHORT_GAME.size(); i++) {
            String flag = SHORT_GAME.get(i);
            boolean valued = i + 1 < SHORT_GAME.size() && !SHORT_GAME.get(i + 1).startsWith("--");
            if (!more.contains(flag)) {
                args.add(flag);
                if (valued) {
                    args.add(SHORT_GAME.get(i + 1));
                }
            }
            if (valued) {
                i++;
            }
        }
        args.addAll(more);
        return args.toArray(String[]::new);
    }

    /** Where each client says it is bound (its C8), which is where the host's accept must go without NAT. */
    private static String localOf(RealProcess client) throws InterruptedException {
        return Lines.field(client.awaitLine(l -> Lines.isStep(l, "client", "C8")), "detail").orElseThrow()
                .replace("local ", "").trim();
    }

    /** The host's lines for single clients (they carry "client"), in the order printed. */
    private static List<String> clientLines(RealProcess host) {
        return host.lines().stream().filter(l -> Lines.field(l, "role").filter("host"::equals).isPresent()
                && Lines.field(l, "client").isPresent() && Lines.field(l, "outcome").isPresent()).toList();
    }

    private static String all(List<RealProcess> processes) {
        StringBuilder text = new StringBuilder();
        for (RealProcess p : processes) {
            text.append(p.name()).append(":\n").append(p.output()).append('\n');
        }
        return text.toString();
    }

    /** Starts {@code n} joins one right after the other, without waiting for any. */
    private static List<RealProcess> joins(int n, String cloud, String stun, String... extra) throws Exception {
        List<RealProcess> joins = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            joins.add(RealProcess.start("join " + k, peer("join", cloud, stun, extra)));
        }
        return joins;
    }

    private static void closeAll(List<RealProcess> processes) throws InterruptedException {
        for (RealProcess p : processes) {
            p.close();
        }
    }

    @Test
    void oneHostServesThreeJoinsStartedAtOnceAndEachConnectsDirectly() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", "serve-stun", "--listen", "127.0.0.1:0");
             RealProcess cloud = RealProcess.start("cloud", "serve-cloud", "--listen", "127.0.0.1:0")) {
            String stunAt = LoopbackProcessTest.listening(stun);
            String cloudAt = LoopbackProcessTest.listening(cloud);
            try (RealProcess host = RealProcess.start("host", peer("host", cloudAt, stunAt, "--clients", "3"))) {
                // The session is open once the host has joined it (H5).
                host.awaitLine(l -> Lines.isStep(l, "host", "H5"));
                List<RealProcess> joins = joins(3, cloudAt, stunAt);
                List<RealProcess> everyone = new ArrayList<>(List.of(cloud, host));
                everyone.addAll(joins);
                try {
                    Set<String> bound = new HashSet<>();
                    for (RealProcess join : joins) {
                        bound.add(localOf(join));
                    }
                    List<Integer> joinExits = new ArrayList<>();
                    for (RealProcess join : joins) {
                        joinExits.add(join.awaitExit());
                    }
                    int hostExit = host.awaitExit();
                    String all = all(everyone);

                    // Not always on attempt 0: a client's first request may reach the host before
                    // the cloud's K2 with its pairing's nonce, and is then dropped like a stranger's.
                    for (int k = 0; k < 3; k++) {
                        String outcome = Lines.outcomeLine(joins.get(k).lines(), "client");
                        assertThat(Lines.field(outcome, "outcome")).as("join %d of\n%s", k + 1, all).contains("DIRECT");
                        assertThat(joinExits.get(k)).as("join %d exit code of\n%s", k + 1, all).isZero();
                        // The host stayed for every client: each game update was echoed to the client that sent it.
                        assertThat(Lines.field(outcome, "echoes")).as("join %d echoes in\n%s", k + 1, all)
                                .isEqualTo(Lines.field(outcome, "updatesSent")).isNotEqualTo(java.util.Optional.of("0"));
                    }
                    assertThat(bound).as("three clients on three sockets:\n%s", all).hasSize(3);
                    // One K2 per client at the host: the cloud paired each with it on its own.
                    assertThat(Lines.steps(host.lines(), "host").stream().filter("K2"::equals).count()).as(all).isEqualTo(3);
                    // One line per client, numbered in pairing order, each DIRECT to where that client is bound.
                    List<String> perClient = clientLines(host);
                    assertThat(perClient).as("the host's client lines in\n%s", all).hasSize(3);
                    Set<String> paths = new HashSet<>();
                    for (int k = 0; k < 3; k++) {
                        String line = perClient.get(k);
                        assertThat(Lines.field(line, "client")).as(all).contains(Integer.toString(k + 1));
                        assertThat(Lines.field(line, "outcome")).as("host's client %d in\n%s", k + 1, all).contains("DIRECT");
                        assertThat(Lines.field(line, "reason")).as("host's client %d in\n%s", k + 1, all).contains("NONE");
                        assertThat(Lines.field(line, "connectedAtMs")).as("host's client %d in\n%s", k + 1, all)
                                .hasValueSatisfying(ms -> assertThat(Double.parseDouble(ms)).isPositive());
                        // Null when the first pairing's request overtook its K2, else a time after it.
                        assertThat(Lines.field(line, "connectMsFromK2")).as("host's client %d in\n%s", k + 1, all)
                                .hasValueSatisfying(ms -> assertThat(ms).satisfiesAnyOf(
                                        v -> assertThat(v).isEqualTo("null"), v -> assertThat(Double.parseDouble(v)).isNotNegative()));
                        paths.add(Lines.field(line, "path").orElseThrow());
                    }
                    assertThat(paths).as("the host's paths against the clients' own addresses in\n%s", all).isEqualTo(bound);
                    String summary = Lines.outcomeLine(host.lines(), "host");
                    assertThat(Lines.field(summary, "outcome")).as(all).contains("DIRECT");
                    assertThat(Lines.field(summary, "clients")).as(all).contains("3");
                    assertThat(Lines.field(summary, "direct")).as(all).contains("3");
                    assertThat(Lines.field(summary, "failed")).as(all).contains("0");
                    assertThat(Lines.field(summary, "directAccepts")).as(all)
                            .hasValueSatisfying(n -> assertThat(Integer.parseInt(n)).isGreaterThanOrEqualTo(3));
                    assertThat(hostExit).as("host exit code of\n%s", all).isZero();
                } finally {
                    closeAll(joins);
                }
            }
        }
    }

    @Test
    void aHostWaitingForTwoClientsServesOneThatComesAfterTheFirstHasFinished() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", "serve-stun", "--listen", "127.0.0.1:0");
             RealProcess cloud = RealProcess.start("cloud", "serve-cloud", "--listen", "127.0.0.1:0")) {
            String stunAt = LoopbackProcessTest.listening(stun);
            String cloudAt = LoopbackProcessTest.listening(cloud);
            try (RealProcess host = RealProcess.start("host", peer("host", cloudAt, stunAt, "--clients", "2"));
                 RealProcess first = RealProcess.start("join 1", peer("join", cloudAt, stunAt))) {
                int firstExit = first.awaitExit();
                // A host that had left with the first would leave no session: this one would fail NO_SESSION.
                try (RealProcess second = RealProcess.start("join 2", peer("join", cloudAt, stunAt))) {
                    int secondExit = second.awaitExit();
                    int hostExit = host.awaitExit();
                    String all = all(List.of(cloud, host, first, second));
                    assertThat(firstExit).as("first join's exit code in\n%s", all).isZero();
                    assertThat(Lines.field(Lines.outcomeLine(second.lines(), "client"), "outcome"))
                            .as("second join in\n%s", all).contains("DIRECT");
                    assertThat(secondExit).as("second join's exit code in\n%s", all).isZero();
                    assertThat(clientLines(host)).as("the host's client lines in\n%s", all).hasSize(2);
                    assertThat(Lines.field(Lines.outcomeLine(host.lines(), "host"), "direct")).as(all).contains("2");
                    assertThat(hostExit).as("host exit code of\n%s", all).isZero();
                }
            }
        }
    }

    @Test
    void aSessionOfThreePlayersRefusesOneOfThreeJoinsWithSessionFull() throws Exception {
        // The cloud answers SessionFull only while the session holds its two clients (before, the
        // third is told NoSession and asks again): two seconds of play keep it full, and the
        // joins ask every 200 ms for ten seconds.
        String[] flags = {"--session-capacity", "3", "--game-phase-length", "2s", "--no-session-backoff", "200ms",
                "--no-session-max-backoff", "200ms", "--no-session-retries", "50"};
        List<String> cloudArgs = new ArrayList<>(List.of("serve-cloud", "--listen", "127.0.0.1:0"));
        cloudArgs.addAll(List.of(flags));
        try (RealProcess stun = RealProcess.start("stun", "serve-stun", "--listen", "127.0.0.1:0");
             RealProcess cloud = RealProcess.start("cloud", cloudArgs.toArray(String[]::new))) {
            String stunAt = LoopbackProcessTest.listening(stun);
            String cloudAt = LoopbackProcessTest.listening(cloud);
            List<String> hostArgs = new ArrayList<>(List.of("--clients", "2"));
            hostArgs.addAll(List.of(flags));
            // The host and two clients fill the session.
            try (RealProcess host = RealProcess.start("host", peer("host", cloudAt, stunAt, hostArgs.toArray(String[]::new)))) {
                host.awaitLine(l -> Lines.isStep(l, "host", "H5"));
                List<RealProcess> joins = joins(3, cloudAt, stunAt, flags);
                List<RealProcess> everyone = new ArrayList<>(List.of(cloud, host));
                everyone.addAll(joins);
                try {
                    List<String> reasons = new ArrayList<>();
                    List<Integer> exits = new ArrayList<>();
                    for (RealProcess join : joins) {
                        exits.add(join.awaitExit());
                        String outcome = Lines.outcomeLine(join.lines(), "client");
                        reasons.add(Lines.field(outcome, "outcome").orElseThrow() + "/" + Lines.field(outcome, "reason").orElseThrow());
                    }
                    int hostExit = host.awaitExit();
                    String all = all(everyone);

                    assertThat(reasons).as("the joins' outcomes in\n%s", all)
                            .containsExactlyInAnyOrder("DIRECT/NONE", "DIRECT/NONE", "FAILED/SESSION_FULL");
                    int refused = reasons.indexOf("FAILED/SESSION_FULL");
                    assertThat(exits.get(refused)).as("exit code of the refused join in\n%s", all).isEqualTo(RealnetMain.FAILED);
                    assertThat(exits.stream().filter(e -> e == 0).count()).as("joins that exited 0 in\n%s", all).isEqualTo(2);
                    assertThat(Lines.steps(joins.get(refused).lines(), "client")).as(all).doesNotContain("K1");
                    List<String> perClient = clientLines(host);
                    assertThat(perClient).as("the host's client lines in\n%s", all).hasSize(2)
                            .allSatisfy(l -> assertThat(Lines.field(l, "outcome")).contains("DIRECT"));
                    String summary = Lines.outcomeLine(host.lines(), "host");
                    assertThat(Lines.field(summary, "outcome")).as(all).contains("DIRECT");
                    assertThat(Lines.field(summary, "clients")).as(all).contains("2");
                    assertThat(hostExit).as("host exit code of\n%s", all).isZero();
                } finally {
                    closeAll(joins);
                }
            }
        }
    }

    @Test
    void aHostWaitingForMoreClientsThanASessionHoldsIsBadInput() {
        for (String[] args : List.of(
                new String[] {"--clients", "0"},
                new String[] {"--clients", "256"},
                new String[] {"--clients", "three"},
                // The default session holds the host and 9 clients.
                new String[] {"--clients", "10"},
                new String[] {"--clients", "3", "--session-capacity", "3"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> command = new ArrayList<>(List.of("host", "--cloud", "127.0.0.1:1", "--stun", "127.0.0.1:2"));
            command.addAll(List.of(args));
            int code = RealnetMain.run(command.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as("%s: %s", String.join(" ", args), said).isEqualTo(RealnetMain.BAD_INPUT);
            assertThat(said).as(String.join(" ", args)).contains("--clients");
        }
    }

    @Test
    void aServerAtPortZeroIsBadInput() {
        for (String[] command : List.of(
                new String[] {"host", "--cloud", "127.0.0.1:0", "--stun", "127.0.0.1:2"},
                new String[] {"join", "--cloud", "127.0.0.1:1", "--stun", "127.0.0.1:0"},
                new String[] {"classify", "--stun", "127.0.0.1:0"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = RealnetMain.run(command, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as("%s: %s", String.join(" ", command), said).isEqualTo(RealnetMain.BAD_INPUT);
            assertThat(said).as(String.join(" ", command)).contains("127.0.0.1:0", "is no destination");
        }
    }
}
