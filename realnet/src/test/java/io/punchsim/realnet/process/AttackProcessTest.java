package io.punchsim.realnet.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.StunAttribute;
import io.punchsim.protocol.stun.StunClass;
import io.punchsim.protocol.stun.StunEncoder;
import io.punchsim.protocol.stun.StunMessage;
import io.punchsim.protocol.stun.TransactionId;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SPEC 2.9: the real servers and peers, as separate processes on loopback, against an attacker
 * with a UDP socket of its own on another loopback address (127.0.0.2), who writes the cloud's
 * messages by hand. One test per attack: each failed against the code before the servers were
 * made to face the internet (the flood test reads the status line, which that code did not have).
 */
class AttackProcessTest {

    private static final String ATTACKER = "127.0.0.2";
    private static final String THIRD_PARTY = "127.0.0.3";
    /** Keeps runs short without touching the connection schedule (as in LoopbackProcessTest). */
    private static final List<String> SHORT_GAME = List.of("--game-phase-enabled", "--game-phase-length", "300ms");
    /**
     * Keepalives four times a second; the cloud forgets an endpoint after four silent intervals
     * (its member lifetime follows the keepalive), so vanished peers are gone within a second.
     */
    private static final List<String> QUICK_KEEPALIVE = List.of("--cloud-keepalive", "250ms");

    private static String[] peer(String command, String cloud, String stun, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(command, "--cloud", cloud, "--stun", stun));
        args.addAll(SHORT_GAME);
        args.addAll(extra);
        return args.toArray(String[]::new);
    }

    private static String[] server(String command, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(command, "--listen", "127.0.0.1:0"));
        args.addAll(extra);
        return args.toArray(String[]::new);
    }

    private static int sessionOf(RealProcess host) throws InterruptedException {
        String detail = Lines.field(host.awaitLine(l -> Lines.isStep(l, "host", "H3")), "detail").orElseThrow();
        return Integer.parseInt(detail.replace("session ", "").trim());
    }

    private static Endpoint localOf(RealProcess peer, String role, String step) throws InterruptedException {
        String detail = Lines.field(peer.awaitLine(l -> Lines.isStep(l, role, step)), "detail").orElseThrow();
        return Endpoint.parse(detail.replace("local ", "").trim());
    }

    private static String all(RealProcess... processes) {
        StringBuilder text = new StringBuilder();
        for (RealProcess p : processes) {
            text.append(p.name()).append(":\n").append(p.output()).append('\n');
        }
        return text.toString();
    }

    /** Acknowledges every reliable message the attacker has received so far (the cloud stops resending). */
    private static void ackAll(RawUdp attacker, Endpoint cloud) throws Exception {
        for (RawUdp.Datagram d : attacker.received()) {
            if (CloudWire.reliable(d.payload())) {
                attacker.send(cloud, CloudWire.ack(CloudWire.seq(d.payload())));
            }
        }
    }

    /** The attacker takes a session with JoinRandom and returns its id. */
    private static int takeSession(RawUdp attacker, Endpoint cloud, int seq) throws Exception {
        attacker.send(cloud, CloudWire.message(CloudWire.JOIN_RANDOM).u32(seq).bytes());
        byte[] found = attacker.await(d -> CloudWire.type(d.payload()) == CloudWire.SESSION_FOUND).payload();
        ackAll(attacker, cloud);
        return CloudWire.sessionId(found);
    }

    @Test
    void aJoinWithTooManyPropertiesDoesNotStopTheCloud() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", server("serve-stun", List.of()));
             RealProcess cloud = RealProcess.start("cloud", server("serve-cloud", List.of()));
             RawUdp attacker = new RawUdp(ATTACKER)) {
            String stunAt = LoopbackProcessTest.listening(stun);
            String cloudAt = LoopbackProcessTest.listening(cloud);
            Endpoint cloudEndpoint = Endpoint.parse(cloudAt);
            try (RealProcess host = RealProcess.start("host", peer("host", cloudAt, stunAt, List.of()))) {
                host.awaitLine(l -> Lines.isStep(l, "host", "H11"));
                int session = takeSession(attacker, cloudEndpoint, 1);
                // 255 properties of its own and the session's "mode": 256, more than a session can hold.
                attacker.send(cloudEndpoint, CloudWire.message(CloudWire.JOIN_REQUEST).u32(2).u32(session)
                        .u8(CloudWire.CLIENT).props(255).bytes());
                attacker.await(d -> CloudWire.type(d.payload()) == CloudWire.ACK && CloudWire.seq(d.payload()) == 2);
                try (RealProcess client = RealProcess.start("client", peer("join", cloudAt, stunAt,
                        List.of("--no-session-retries", "8")))) {
                    int clientExit = client.awaitExit();
                    String all = all(cloud, host, client);
                    assertThat(cloud.isAlive()).as(all).isTrue();
                    assertThat(Lines.field(Lines.outcomeLine(client.lines(), "client"), "outcome")).as(all).contains("DIRECT");
                    assertThat(clientExit).as(all).isZero();
                }
            }
            assertThat(cloud.interrupt()).as(cloud.output()).isZero();
        }
    }

    @Test
    void aForgedConnectAcceptDoesNotFoolTheClient() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", server("serve-stun", List.of()));
             RealProcess cloud = RealProcess.start("cloud", server("serve-cloud", List.of()));
             HostShim shim = new HostShim();
             RawUdp attacker = new RawUdp(ATTACKER)) {
            String stunAt = LoopbackProcessTest.listening(stun);
            String cloudAt = LoopbackProcessTest.listening(cloud);
            String stunFront = shim.front(Endpoint.parse(stunAt)).toString();
            String cloudFront = shim.front(Endpoint.parse(cloudAt)).toString();
            shim.start();
            // The host's direct traffic is blocked, so its real accept comes through the relay at attempt 7.
            try (RealProcess host = RealProcess.start("host", peer("host", cloudFront, stunFront, List.of()));
                 RealProcess client = RealProcess.start("client", peer("join", cloudAt, stunAt, List.of()))) {
                int session = sessionOf(host);
                Endpoint target = localOf(client, "client", "C8");
                SecureRandom guesses = new SecureRandom();
                // Accepts for attempt 0 of the real session and of ids 1..10, in the old form and
                // with a guessed nonce, until the client is done.
                while (client.isAlive()) {
                    for (int id : new int[] {session, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
                        attacker.send(target, CloudWire.message(CloudWire.CONNECT_ACCEPT).u32(id).u16(0).bytes());
                        attacker.send(target, CloudWire.message(CloudWire.CONNECT_ACCEPT).u32(id).u16(0)
                                .u64(guesses.nextLong()).bytes());
                    }
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                int clientExit = client.awaitExit();
                String all = all(host, client);
                String outcome = Lines.outcomeLine(client.lines(), "client");
                assertThat(Lines.field(outcome, "outcome")).as(all).contains("RELAYED");
                assertThat(Lines.field(outcome, "attempt")).as(all).contains("7");
                assertThat(client.output()).as(all).doesNotContain(ATTACKER);
                assertThat(clientExit).as(all).isZero();
            }
        }
    }

    @Test
    void theHostRoleCannotBeTakenByAnotherEndpoint() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", server("serve-stun", List.of()));
             RealProcess cloud = RealProcess.start("cloud", server("serve-cloud", List.of()));
             RawUdp attacker = new RawUdp(ATTACKER)) {
            String stunAt = LoopbackProcessTest.listening(stun);
            String cloudAt = LoopbackProcessTest.listening(cloud);
            Endpoint cloudEndpoint = Endpoint.parse(cloudAt);
            // A slow link from the host to the cloud leaves a window between its session's creation and its own join.
            try (SlowLink slow = new SlowLink(cloudEndpoint, TimeUnit.MILLISECONDS.toNanos(1_000));
                 RealProcess host = RealProcess.start("host", peer("host", slow.front().toString(), stunAt, List.of()))) {
                int session = sessionOf(host);
                attacker.send(cloudEndpoint, CloudWire.message(CloudWire.JOIN_REQUEST).u32(1).u32(session)
                        .u8(CloudWire.HOST).clientServer().bytes());
                attacker.await(d -> CloudWire.type(d.payload()) == CloudWire.ACK);
                try (RealProcess client = RealProcess.start("client", peer("join", cloudAt, stunAt,
                        List.of("--no-session-retries", "8")))) {
                    int clientExit = client.awaitExit();
                    int hostExit = host.awaitExit();
                    String all = all(cloud, host, client);
                    assertThat(attacker.received()).as(all).noneMatch(d -> CloudWire.type(d.payload()) == CloudWire.JOIN_ACK);
                    assertThat(Lines.steps(host.lines(), "host")).as(all).contains("H5");
                    assertThat(Lines.field(Lines.outcomeLine(client.lines(), "client"), "outcome")).as(all).contains("DIRECT");
                    assertThat(Lines.field(Lines.outcomeLine(host.lines(), "host"), "outcome")).as(all).contains("DIRECT");
                    assertThat(clientExit).as(all).isZero();
                    assertThat(hostExit).as(all).isZero();
                }
            }
        }
    }

    @Test
    void aHostStoppedBeforeAnyClientJoinedLeavesNoSessionBehind() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", server("serve-stun", List.of()));
             RealProcess cloud = RealProcess.start("cloud", server("serve-cloud", QUICK_KEEPALIVE))) {
            String stunAt = LoopbackProcessTest.listening(stun);
            String cloudAt = LoopbackProcessTest.listening(cloud);
            try (RealProcess gone = RealProcess.start("stopped-host", peer("host", cloudAt, stunAt, QUICK_KEEPALIVE))) {
                gone.awaitLine(l -> Lines.isStep(l, "host", "H11"));
                // Ctrl-C: the host exits without a word to the cloud.
                assertThat(gone.interrupt()).isEqualTo(130);
            }
            // Four times the cloud's member lifetime (1 s) and its sweep: margin, not a timing claim.
            TimeUnit.MILLISECONDS.sleep(5_000);
            List<String> clientArgs = new ArrayList<>(QUICK_KEEPALIVE);
            clientArgs.addAll(List.of("--no-session-retries", "8"));
            try (RealProcess client = RealProcess.start("client", peer("join", cloudAt, stunAt, clientArgs))) {
                // Only once the client has asked does a live host open its session.
                client.awaitLine(l -> Lines.isStep(l, "client", "C3"));
                try (RealProcess host = RealProcess.start("host", peer("host", cloudAt, stunAt, QUICK_KEEPALIVE))) {
                    int clientExit = client.awaitExit();
                    String all = all(cloud, client, host);
                    String outcome = Lines.outcomeLine(client.lines(), "client");
                    assertThat(Lines.field(outcome, "outcome")).as(all).contains("DIRECT");
                    assertThat(clientExit).as(all).isZero();
                    assertThat(host.awaitExit()).as(all).isZero();
                }
            }
        }
    }

    @Test
    void aClientIsToldWhenItsHostVanished() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", server("serve-stun", List.of()));
             RealProcess cloud = RealProcess.start("cloud", server("serve-cloud", QUICK_KEEPALIVE));
             HostShim shim = new HostShim()) {
            String stunAt = LoopbackProcessTest.listening(stun);
            String cloudAt = LoopbackProcessTest.listening(cloud);
            String stunFront = shim.front(Endpoint.parse(stunAt)).toString();
            String cloudFront = shim.front(Endpoint.parse(cloudAt)).toString();
            shim.start();
            // Direct traffic blocked: the client is still attempting when its host dies.
            try (RealProcess host = RealProcess.start("host", peer("host", cloudFront, stunFront, QUICK_KEEPALIVE));
                 RealProcess client = RealProcess.start("client", peer("join", cloudAt, stunAt, QUICK_KEEPALIVE))) {
                client.awaitLine(l -> Lines.isStep(l, "client", "K1"));
                host.kill();
                int clientExit = client.awaitExit();
                String all = all(cloud, host, client);
                String outcome = Lines.outcomeLine(client.lines(), "client");
                assertThat(Lines.field(outcome, "outcome")).as(all).contains("FAILED");
                // Told by the cloud, not left to run out of attempts.
                assertThat(Lines.field(outcome, "reason")).as(all).contains("NO_SESSION");
                assertThat(client.output()).as(all).contains("host is gone");
                assertThat(clientExit).as(all).isEqualTo(3);
            }
        }
    }

    @Test
    void oneAddressCannotKeepTheOnlySessionReserved() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", server("serve-stun", List.of()));
             RealProcess cloud = RealProcess.start("cloud", server("serve-cloud", List.of()))) {
            String stunAt = LoopbackProcessTest.listening(stun);
            String cloudAt = LoopbackProcessTest.listening(cloud);
            Endpoint cloudEndpoint = Endpoint.parse(cloudAt);
            try (RealProcess host = RealProcess.start("host", peer("host", cloudAt, stunAt, List.of()))) {
                host.awaitLine(l -> Lines.isStep(l, "host", "H11"));
                List<RawUdp> sockets = new ArrayList<>();
                try {
                    RawUdp first = new RawUdp(ATTACKER);
                    sockets.add(first);
                    takeSession(first, cloudEndpoint, 1);
                    try (RealProcess client = RealProcess.start("client", peer("join", cloudAt, stunAt, List.of()))) {
                        // A JoinRandom from a new port of the attacker's address every half second.
                        while (client.isAlive()) {
                            RawUdp next = new RawUdp(ATTACKER);
                            sockets.add(next);
                            next.send(cloudEndpoint, CloudWire.message(CloudWire.JOIN_RANDOM).u32(1).bytes());
                            TimeUnit.MILLISECONDS.sleep(500);
                        }
                        int clientExit = client.awaitExit();
                        String all = all(cloud, host, client);
                        assertThat(Lines.field(Lines.outcomeLine(client.lines(), "client"), "outcome")).as(all).contains("DIRECT");
                        assertThat(clientExit).as(all).isZero();
                    }
                } finally {
                    sockets.forEach(RawUdp::close);
                }
            }
        }
    }

    @Test
    void aMemberCannotAimTheHostsPingsAtAThirdParty() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", server("serve-stun", List.of()));
             RealProcess cloud = RealProcess.start("cloud", server("serve-cloud", List.of()));
             RawUdp attacker = new RawUdp(ATTACKER);
             RawUdp victim = new RawUdp(THIRD_PARTY)) {
            String stunAt = LoopbackProcessTest.listening(stun);
            String cloudAt = LoopbackProcessTest.listening(cloud);
            Endpoint cloudEndpoint = Endpoint.parse(cloudAt);
            try (RealProcess host = RealProcess.start("host", peer("host", cloudAt, stunAt, List.of()))) {
                host.awaitLine(l -> Lines.isStep(l, "host", "H11"));
                int session = takeSession(attacker, cloudEndpoint, 1);
                attacker.send(cloudEndpoint, CloudWire.message(CloudWire.JOIN_REQUEST).u32(2).u32(session)
                        .u8(CloudWire.CLIENT).clientServer().bytes());
                byte[] joinAck = attacker.await(d -> CloudWire.type(d.payload()) == CloudWire.JOIN_ACK).payload();
                int peerId = CloudWire.u32(joinAck, 12);
                ackAll(attacker, cloudEndpoint);
                // It reports the victim as both its addresses: 28 bytes for twenty pings, before.
                attacker.send(cloudEndpoint, CloudWire.message(CloudWire.ADDRESS_REPORT).u32(3).u32(session).u32(peerId)
                        .endpoint(victim.local()).endpoint(victim.local()).bytes());
                host.awaitLine(l -> Lines.isStep(l, "host", "K2"));
                ackAll(attacker, cloudEndpoint);
                // The host pings every 500 ms: five pings' worth of waiting.
                TimeUnit.MILLISECONDS.sleep(2_500);
                String all = all(cloud, host);
                assertThat(victim.received()).as(all).isEmpty();
                assertThat(attacker.received().stream().filter(d -> CloudWire.type(d.payload()) == CloudWire.PING))
                        .as("the host pings the member where the cloud sees it\n" + all).hasSizeGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void theCloudIsNoAmplifierForUnacknowledgedRequests() throws Exception {
        try (RealProcess cloud = RealProcess.start("cloud", server("serve-cloud", List.of("--cloud-rto", "20ms")));
             RawUdp attacker = new RawUdp(ATTACKER)) {
            Endpoint cloudEndpoint = Endpoint.parse(LoopbackProcessTest.listening(cloud));
            int requests = 100;
            int sent = 0;
            for (int seq = 1; seq <= requests; seq++) {
                // The smallest CreateSession: 9 bytes, empty properties. Never acknowledged.
                byte[] request = CloudWire.message(CloudWire.CREATE_SESSION).u32(seq).u8(0).bytes();
                attacker.send(cloudEndpoint, request);
                sent += request.length;
            }
            // The cloud's own schedule (20, 40, 80, 160, 320 ms) is over well within this.
            TimeUnit.MILLISECONDS.sleep(2_000);
            List<RawUdp.Datagram> answers = attacker.received();
            long bytes = answers.stream().mapToLong(d -> d.payload().length).sum();
            long created = answers.stream().filter(d -> CloudWire.type(d.payload()) == CloudWire.SESSION_CREATED).count();
            String all = cloud.output() + "\nreceived " + answers.size() + " datagrams, " + bytes + " bytes for " + sent;
            // Before: 100 acks and 6 sends of each answer, 8000 bytes for 900 (8.9 times).
            assertThat(created).as(all).isLessThanOrEqualTo(64 + 30);
            assertThat((double) bytes / sent).as(all).isLessThan(2.5);
            // A repeated request gets its answer again: the one way past the budget.
            long before = created;
            attacker.send(cloudEndpoint, CloudWire.message(CloudWire.CREATE_SESSION).u32(1).u8(0).bytes());
            TimeUnit.MILLISECONDS.sleep(500);
            long after = attacker.received().stream().filter(d -> CloudWire.type(d.payload()) == CloudWire.SESSION_CREATED).count();
            assertThat(after).as(all).isBetween(before, before + 1);
            assertThat(cloud.isAlive()).isTrue();
        }
    }

    @Test
    void aFloodOfSessionsFromOneSourceIsCappedAndForgottenWhenItFallsSilent() throws Exception {
        List<String> flags = new ArrayList<>(QUICK_KEEPALIVE);
        flags.addAll(List.of("--status-interval", "200ms", "--step-lines-per-second", "10"));
        try (RealProcess cloud = RealProcess.start("cloud", server("serve-cloud", flags));
             RawUdp attacker = new RawUdp(ATTACKER)) {
            Endpoint cloudEndpoint = Endpoint.parse(LoopbackProcessTest.listening(cloud));
            for (int seq = 1; seq <= 500; seq++) {
                attacker.send(cloudEndpoint, CloudWire.message(CloudWire.CREATE_SESSION).u32(seq).u8(0).bytes());
            }
            String held = cloud.awaitLine(l -> Lines.field(l, "sessions").filter(n -> !n.equals("0")).isPresent());
            // 64 per source address at most; the rest are dropped, and so are most of their log lines.
            assertThat(Integer.parseInt(Lines.field(held, "sessions").orElseThrow())).as(cloud.output()).isLessThanOrEqualTo(64);
            String gone = cloud.awaitLine(l -> Lines.field(l, "sessions").filter("0"::equals).isPresent()
                    && Lines.field(l, "endpoints").filter("0"::equals).isPresent());
            // (a burst of 500 may overflow the socket's buffer: not every one arrives to be refused)
            assertThat(Long.parseLong(Lines.field(gone, "droppedOverLimit").orElseThrow())).as(cloud.output()).isPositive();
            assertThat(Long.parseLong(Lines.field(gone, "stepLinesNotPrinted").orElseThrow())).isGreaterThanOrEqualTo(54);
            assertThat(cloud.output().lines().filter(l -> Lines.field(l, "step").isPresent()).count()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void serveStunAnswersFromAnotherAddressOnlyWithinALimitPerSource() throws Exception {
        int port = freePort("127.0.0.1");
        int otherPort = freePort(ATTACKER);
        // The RFC 5780 server's alternate address is 127.0.0.2, so this source is 127.0.0.3.
        try (RealProcess stun = RealProcess.start("stun", "serve-stun", "--listen", "127.0.0.1:" + port,
                "--other", ATTACKER + ":" + otherPort);
             RawUdp asker = new RawUdp(THIRD_PARTY)) {
            stun.awaitLine(l -> l.contains(ATTACKER + ":" + otherPort));
            Endpoint primary = Endpoint.parse("127.0.0.1:" + port);
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < 100; i++) {
                asker.send(primary, bindingRequest(random, List.of(new StunAttribute.ChangeRequest(true, true))));
            }
            for (int i = 0; i < 20; i++) {
                asker.send(primary, bindingRequest(random, List.of()));
            }
            TimeUnit.MILLISECONDS.sleep(1_000);
            List<RawUdp.Datagram> answers = asker.received();
            long fromElsewhere = answers.stream().filter(d -> !d.source().equals(primary)).count();
            long fromPrimary = answers.stream().filter(d -> d.source().equals(primary)).count();
            String all = stun.output() + "\nanswers from elsewhere " + fromElsewhere + ", from the primary " + fromPrimary;
            assertThat(fromElsewhere).as(all).isPositive().isLessThanOrEqualTo(60);
            assertThat(fromPrimary).as(all).isEqualTo(20);
        }
    }

    @Test
    void hostAndJoinEndWithAReasonWhenTheCloudNeverAnswers() throws Exception {
        int silentPort = freePort("127.0.0.1");
        String nobody = "127.0.0.1:" + silentPort;
        List<String> quick = List.of("--cloud-rto", "20ms", "--cloud-final-wait", "200ms");
        try (RealProcess host = RealProcess.start("host", peer("host", nobody, nobody, quick));
             RealProcess client = RealProcess.start("client", peer("join", nobody, nobody, quick))) {
            for (RealProcess p : List.of(host, client)) {
                assertThat(p.awaitExit()).as(p.output()).isEqualTo(3);
                List<String> lines = p.lines();
                String last = lines.get(lines.size() - 1);
                assertThat(Lines.field(last, "outcome")).as(p.output()).contains("FAILED");
                assertThat(Lines.field(last, "reason")).as(p.output()).contains("CLOUD_UNREACHABLE");
            }
        }
    }

    private static byte[] bindingRequest(SecureRandom random, List<StunAttribute> attributes) {
        byte[] id = new byte[12];
        random.nextBytes(id);
        List<StunAttribute> all = new ArrayList<>(attributes);
        all.add(StunAttribute.Fingerprint.toBeComputed());
        return StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.REQUEST, new TransactionId(id), all));
    }

    private static int freePort(String ip) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(ip, 0))) {
            return socket.getLocalPort();
        }
    }
}
