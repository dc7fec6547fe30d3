package io.punchsim.realnet.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.protocol.stun.StunServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with coturn, an independent STUN implementation: its server answers our
 * client, and its client reads our server's answers. Skipped where coturn is not installed.
 */
class CoturnInteropTest {

    private static final Pattern REFLEXIVE = Pattern.compile("UDP reflexive addr: (\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+)");

    @Test
    void ourClientLearnsItsAddressFromCoturnsTurnserver() throws Exception {
        assumeTrue(onPath("turnserver"), "coturn's turnserver is not installed (Debian package coturn); skipping");
        int port = ServerHarness.freeUdpPort("127.0.0.1");
        Process turnserver = new ProcessBuilder("turnserver", "-n", "--listening-ip=127.0.0.1",
                "--listening-port=" + port, "--no-tls", "--no-dtls", "--stun-only", "--no-cli",
                "--no-stdout-log", "--log-file=/dev/null", "--pidfile=" + File.createTempFile("turnserver", ".pid"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // The transaction's RFC 8489 retransmissions cover coturn's start-up.
            ServerHarness.Binding binding = ServerHarness.bind(ServerHarness.endpoint("127.0.0.1", port), "127.0.0.1");
            assertThat(binding.mapped()).as("coturn's answer").contains(binding.local());
        } finally {
            turnserver.destroy();
            if (!turnserver.waitFor(5, TimeUnit.SECONDS)) {
                turnserver.destroyForcibly();
            }
        }
    }

    @Test
    void coturnsStunclientReadsTheAddressOurServerObserved() throws Exception {
        assumeTrue(onPath("turnutils_stunclient"), "coturn's turnutils_stunclient is not installed (Debian package coturn); skipping");
        List<Endpoint> observed = new CopyOnWriteArrayList<>();
        try (ServerHarness servers = new ServerHarness()) {
            // Record the source the kernel reported for each request, as the oracle for coturn's reading.
            var context = servers.loop.open(new java.net.InetSocketAddress("127.0.0.1", 0), event -> {});
            StunServer server = new StunServer("punchsim");
            context.start(new Machine() {
                @Override
                public void start(Context ctx) {
                    server.start(ctx);
                }

                @Override
                public void onDatagram(Endpoint source, byte[] payload) {
                    observed.add(source);
                    server.onDatagram(source, payload);
                }
            });
            servers.startLoop();

            Process client = new ProcessBuilder("turnutils_stunclient", "-p", Integer.toString(context.localAddress().port()),
                    "-L", "127.0.0.1", "127.0.0.1").redirectErrorStream(true).start();
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();

            Matcher m = REFLEXIVE.matcher(output);
            assertThat(m.find()).as("coturn's output:\n%s", output).isTrue();
            assertThat(observed).as("requests our server received").isNotEmpty();
            assertThat(m.group(1)).isEqualTo(observed.get(0).toString());
        }
    }

    @Test
    void ourDiscoveryReadsCoturnsRfc5780AnswersAndFindsNoNatOnLoopback() throws Exception {
        assumeTrue(onPath("turnserver"), "coturn's turnserver is not installed (Debian package coturn); skipping");
        int port = ServerHarness.freeUdpPort("127.0.0.1");
        int alternatePort = ServerHarness.freeUdpPort("127.0.0.1");
        // Two listening addresses and an alternate port switch on coturn's RFC 5780 mode.
        Process turnserver = new ProcessBuilder("turnserver", "-n", "--listening-ip=127.0.0.1", "--listening-ip=127.0.0.2",
                "--listening-port=" + port, "--alt-listening-port=" + alternatePort, "--no-tls", "--no-dtls",
                "--stun-only", "--no-cli", "--no-stdout-log", "--log-file=/dev/null",
                "--pidfile=" + File.createTempFile("turnserver", ".pid"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Endpoint server = ServerHarness.endpoint("127.0.0.1", port);
            // Wait until coturn answers at all, then run the RFC 5780 tests against it.
            assertThat(ServerHarness.bind(server, "127.0.0.1").mapped()).isPresent();
            var result = Classification.discover(server, Endpoint.parse("127.0.0.1:0"), Classification.DEFAULT_SCHEDULE);
            assertThat(result).get().isInstanceOfSatisfying(io.punchsim.protocol.stun.DiscoveryResult.NoNat.class,
                    noNat -> assertThat(noNat.isOpenInternet()).isTrue());
        } finally {
            turnserver.destroy();
            if (!turnserver.waitFor(5, TimeUnit.SECONDS)) {
                turnserver.destroyForcibly();
            }
        }
    }

    @Test
    void coturnsRfc5780ClientGetsAnswersFromTheAddressItAskedFor() throws Exception {
        assumeTrue(onPath("turnutils_stunclient"), "coturn's turnutils_stunclient is not installed (Debian package coturn); skipping");
        int primaryPort = ServerHarness.freeUdpPort("127.0.0.1");
        int alternatePort = ServerHarness.freeUdpPort("127.0.0.2");
        Endpoint primary = ServerHarness.endpoint("127.0.0.1", primaryPort);
        Endpoint alternate = ServerHarness.endpoint("127.0.0.2", alternatePort);
        try (ServerHarness servers = new ServerHarness()) {
            new StunService(primary, alternate, "punchsim").open(servers.loop);
            servers.startLoop();

            Process client = new ProcessBuilder("turnutils_stunclient", "-f", "-p", Integer.toString(primaryPort), "127.0.0.1")
                    .redirectErrorStream(true).start();
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();

            // Its first request is plain (answered by the primary socket, naming the alternate as
            // OTHER-ADDRESS); the next ask for a change of IP and port (RFC 5780 section 4.4, test II).
            Matcher origins = Pattern.compile("Response origin: : (\\S+)").matcher(output);
            List<String> seen = new java.util.ArrayList<>();
            while (origins.find()) {
                seen.add(origins.group(1));
            }
            assertThat(seen).as(output).contains(primary.toString(), alternate.toString());
            assertThat(output).contains("Other addr: : " + alternate);
        }
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
