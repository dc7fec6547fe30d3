package io.punchsim.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.realnet.runtime.EventLoop;
import io.punchsim.realnet.stun.StunService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code punchsim classify} against a real RFC 5780 STUN server on loopback, where there is no NAT. */
class ClassifyCommandTest {

    @Test
    void onLoopbackTheCommandNamesOpenAndExitsZero() throws Exception {
        // Linux routes all of 127.0.0.0/8 to the loopback interface, so 127.0.0.2 is a second address.
        Endpoint primary = Endpoint.parse("127.0.0.1:" + freePort("127.0.0.1"));
        Endpoint alternate = Endpoint.parse("127.0.0.2:" + freePort("127.0.0.2"));
        EventLoop loop = new EventLoop();
        new StunService(primary, alternate, "punchsim").open(loop);
        Thread servers = new Thread(() -> {
            try {
                loop.run(() -> false);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "test-stun");
        servers.setDaemon(true);
        servers.start();
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new ClassifyCommand()).execute("--stun", primary.toString(), "--bind", "127.0.0.1:0",
                    "--rto", "100ms", "--requests", "3");
        } finally {
            System.setOut(stdout);
            loop.stop();
            servers.join(5_000);
            loop.close();
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("nat: no\n", "filtering: endpoint-independent\n", "preset: open\n",
                "note: no NAT and no filtering\n");
    }

    private static int freePort(String ip) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(ip, 0))) {
            return socket.getLocalPort();
        }
    }
}
