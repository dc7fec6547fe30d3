package io.punchsim.realnet.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.net.Endpoint;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cloud, STUN server, host and client as four real processes on loopback, talking over real UDP
 * sockets, checked against the schedule of SPEC section 2.3.
 */
class LoopbackProcessTest {

    /**
     * A short game phase keeps the runs brief (the host ends after the last update instead of a
     * listen timeout); it does not touch the connection schedule.
     */
    private static final String[] SHORT_GAME = {"--game-phase-enabled", "--game-phase-length", "300ms"};

    @Test
    void fourProcessesConnectDirectlyOnTheFirstAttempt() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", "serve-stun", "--listen", "127.0.0.1:0");
             RealProcess cloud = RealProcess.start("cloud", "serve-cloud", "--listen", "127.0.0.1:0")) {
            String stunAt = listening(stun);
            String cloudAt = listening(cloud);
            try (RealProcess host = RealProcess.start("host", peerArgs("host", cloudAt, stunAt));
                 RealProcess client = RealProcess.start("client", peerArgs("join", cloudAt, stunAt))) {
                int clientExit = client.awaitExit();
                int hostExit = host.awaitExit();
                String all = "host:\n" + host.output() + "\nclient:\n" + client.output();

                // No NAT on loopback: the first attempt, sent at K1, reaches the host (SPEC 2.3, step 3).
                String outcome = Lines.outcomeLine(client.lines(), "client");
                assertThat(Lines.field(outcome, "outcome")).as(all).contains("DIRECT");
                assertThat(Lines.field(outcome, "attempt")).as(all).contains("0");
                assertThat(clientExit).as(all).isZero();
                assertThat(Lines.field(Lines.outcomeLine(host.lines(), "host"), "outcome")).as(all).contains("DIRECT");
                assertThat(hostExit).as(all).isZero();
                // The client's set-up steps in the spec's order, then K1 and its first direct attempt.
                assertThat(Lines.steps(client.lines(), "client")).as(all)
                        .containsSubsequence("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "K1", "K3", "K8");
                assertThat(Lines.steps(host.lines(), "host")).as(all)
                        .containsSubsequence("H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10", "H11");
                // Without NAT the reflexive address is the bound one (C8 local = C10 reflexive).
                String local = detailOf(client.lines(), "C8").replace("local ", "");
                assertThat(detailOf(client.lines(), "C10")).isEqualTo("reflexive " + local);
            }
            assertThat(cloud.interrupt()).as("cloud exit code after Ctrl-C").isZero();
            assertThat(stun.interrupt()).as("STUN exit code after Ctrl-C").isZero();
            // A clean shutdown closed the sockets: the ports can be bound again at once.
            for (String address : List.of(cloudAt, stunAt)) {
                Endpoint endpoint = Endpoint.parse(address);
                try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", endpoint.port()))) {
                    assertThat(again.getLocalPort()).isEqualTo(endpoint.port());
                }
            }
        }
    }

    @Test
    void withDirectTrafficBlockedTheyConnectThroughTheRealCloud() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", "serve-stun", "--listen", "127.0.0.1:0");
             RealProcess cloud = RealProcess.start("cloud", "serve-cloud", "--listen", "127.0.0.1:0");
             HostShim shim = new HostShim()) {
            String stunAt = listening(stun);
            String cloudAt = listening(cloud);
            String stunFront = shim.front(Endpoint.parse(stunAt)).toString();
            String cloudFront = shim.front(Endpoint.parse(cloudAt)).toString();
            shim.start();
            try (RealProcess host = RealProcess.start("host", peerArgs("host", cloudFront, stunFront));
                 RealProcess client = RealProcess.start("client", peerArgs("join", cloudAt, stunAt))) {
                int clientExit = client.awaitExit();
                int hostExit = host.awaitExit();
                String all = "host:\n" + host.output() + "\nclient:\n" + client.output();

                // SPEC 2.3 defaults: attempts 0-6 direct (all dropped), 7 is the first through the cloud.
                String outcome = Lines.outcomeLine(client.lines(), "client");
                assertThat(Lines.field(outcome, "outcome")).as(all).contains("RELAYED");
                assertThat(Lines.field(outcome, "attempt")).as(all).contains("7");
                assertThat(clientExit).as(all).isZero();
                assertThat(Lines.field(Lines.outcomeLine(host.lines(), "host"), "outcome")).as(all).contains("RELAYED");
                assertThat(hostExit).as(all).isZero();
                assertThat(Lines.steps(client.lines(), "client").stream().filter("K3"::equals).count()).as(all).isEqualTo(7);
                assertThat(Lines.steps(host.lines(), "host")).as(all).contains("K10").doesNotContain("K8");
                assertThat(shim.dropped()).as("direct attempts stopped by the shim").isGreaterThanOrEqualTo(7);
            }
        }
    }

    @Test
    void withTheLanStageTheyConnectThroughTheirLocalAddressesWhereTheReflexiveOneIsWalledOff() throws Exception {
        try (RealProcess stun = RealProcess.start("stun", "serve-stun", "--listen", "127.0.0.1:0");
             RealProcess cloud = RealProcess.start("cloud", "serve-cloud", "--listen", "127.0.0.1:0", "--lan-stage");
             HostShim shim = new HostShim()) {
            String stunAt = listening(stun);
            String cloudAt = listening(cloud);
            String stunFront = shim.front(Endpoint.parse(stunAt)).toString();
            String cloudFront = shim.front(Endpoint.parse(cloudAt)).toString();
            shim.start();
            try (RealProcess host = RealProcess.start("host", withLanStage(peerArgs("host", cloudFront, stunFront)));
                 RealProcess client = RealProcess.start("client", withLanStage(peerArgs("join", cloudAt, stunAt)))) {
                int clientExit = client.awaitExit();
                int hostExit = host.awaitExit();
                String all = "host:\n" + host.output() + "\nclient:\n" + client.output();

                // The host's reflexive address is the shim's, which drops what the client sends; its
                // local address (the bound one on 127.0.0.1) is in the client's subnet, so attempt 0
                // goes there and is answered directly.
                String hostLocal = detailOf(host.lines(), "H8").replace("local ", "");
                assertThat(detailOf(host.lines(), "H10")).as(all).isNotEqualTo("reflexive " + hostLocal);
                String outcome = Lines.outcomeLine(client.lines(), "client");
                assertThat(Lines.field(outcome, "outcome")).as(all).contains("DIRECT");
                assertThat(Lines.field(outcome, "attempt")).as(all).contains("0");
                assertThat(clientExit).as(all).isZero();
                assertThat(detailOf(client.lines(), "K3")).as(all)
                        .isEqualTo("attempt 0 direct to the host's local address " + hostLocal);
                assertThat(detailOf(client.lines(), "K8")).as(all).endsWith("directly from " + hostLocal);
                assertThat(Lines.field(Lines.outcomeLine(host.lines(), "host"), "outcome")).as(all).contains("DIRECT");
                assertThat(hostExit).as(all).isZero();
            }
        }
    }

    private static String[] withLanStage(String[] args) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = "--lan-stage";
        return out;
    }

    @Test
    void ctrlCStopsAWaitingPeerWhichReportsAndExitsWith130() throws Exception {
        int silentPort;
        try (DatagramSocket nobody = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            silentPort = nobody.getLocalPort();
        }
        try (RealProcess host = RealProcess.start("host", "host", "--cloud", "127.0.0.1:" + silentPort,
                "--stun", "127.0.0.1:" + silentPort)) {
            host.awaitLine(line -> Lines.isStep(line, "host", "H2"));
            assertThat(host.interrupt()).as(host.output()).isEqualTo(130);
            String outcome = Lines.outcomeLine(host.lines(), "host");
            assertThat(Lines.field(outcome, "interrupted")).contains("true");
            assertThat(Lines.field(outcome, "outcome")).contains("FAILED");
        }
    }

    @Test
    void ctrlCAndAHangUpStopAPeerWith130AndAServerWithZero() throws Exception {
        int silentPort;
        try (DatagramSocket nobody = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            silentPort = nobody.getLocalPort();
        }
        for (String signal : List.of("INT", "HUP")) {
            try (RealProcess join = RealProcess.start("join", "join", "--cloud", "127.0.0.1:" + silentPort,
                    "--stun", "127.0.0.1:" + silentPort);
                    RealProcess cloud = RealProcess.start("cloud", "serve-cloud", "--listen", "127.0.0.1:0")) {
                join.awaitLine(line -> Lines.isStep(line, "client", "C2"));
                listening(cloud);
                assertThat(join.signal(signal)).as(signal + ": " + join.output()).isEqualTo(130);
                assertThat(Lines.field(Lines.outcomeLine(join.lines(), "client"), "interrupted")).contains("true");
                assertThat(cloud.signal(signal)).as(signal + ": " + cloud.output()).isZero();
            }
        }
    }

    @Test
    void badInputExitsWithTwo() throws Exception {
        try (RealProcess bad = RealProcess.start("bad", "join", "--cloud", "nowhere", "--stun", "127.0.0.1:3478")) {
            assertThat(bad.awaitExit()).as(bad.output()).isEqualTo(2);
            assertThat(bad.output()).contains("--cloud");
        }
        try (RealProcess bad = RealProcess.start("bad", "host", "--cloud", "127.0.0.1:1", "--stun", "127.0.0.1:2",
                "--direct-fraction", "3/2")) {
            assertThat(bad.awaitExit()).as(bad.output()).isEqualTo(2);
            assertThat(bad.output()).contains("--direct-fraction");
        }
    }

    private static String[] peerArgs(String command, String cloud, String stun) {
        String[] args = {command, "--cloud", cloud, "--stun", stun, SHORT_GAME[0], SHORT_GAME[1], SHORT_GAME[2]};
        return args;
    }

    static String listening(RealProcess server) throws InterruptedException {
        return Lines.field(server.awaitLine(line -> line.contains("\"listening\"")), "listening").orElseThrow();
    }

    private static String detailOf(List<String> lines, String step) {
        return lines.stream().filter(l -> Lines.field(l, "step").filter(step::equals).isPresent())
                .findFirst().flatMap(l -> Lines.field(l, "detail")).orElseThrow();
    }
}
