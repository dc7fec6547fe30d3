package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the commands say to options they cannot use: one line and exit 2, never a page or a trace;
 * the real-network commands, run in scripts beside servers' logs, most of all.
 */
class RealNetBadOptionsTest {

    private static void assertOneLineBadInput(Cli.Result result, String... mentions) {
        assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err().strip().lines()).as(result.err()).hasSize(1);
        assertThat(result.err()).contains(mentions).doesNotContain("Usage:", "Exception", "\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aBadOptionIsOneLineNamingItAndWhereTheHelpIs() {
        for (List<String> bad : List.of(
                List.of("serve-cloud", "--listen", "127.0.0.1:70000"),
                List.of("serve-stun", "--listen", "127.0.0.1:3478", "--other", "nonsense"),
                List.of("host", "--cloud", "300.1.1.1:5000", "--stun", "127.0.0.1:3478"),
                List.of("join", "--cloud", "127.0.0.1:5000"),
                List.of("classify", "--stun", "127.0.0.1:65536"),
                List.of("host", "--cloud", "127.0.0.1:5000", "--stun", "127.0.0.1:3478", "--clients", "0"))) {
            Cli.Result result = Cli.run(bad.toArray(String[]::new));
            assertOneLineBadInput(result, "punchsim " + bad.get(0) + ": ", "--help");
        }
        assertThat(Cli.run("join", "--cloud", "127.0.0.1:5000").err()).contains("Missing required option: '--stun");
    }

    @Test
    void portZeroBindsAnyPortButIsNoServersAddress() {
        for (List<String> bad : List.of(
                List.of("host", "--cloud", "127.0.0.1:0", "--stun", "127.0.0.1:3478"),
                List.of("join", "--cloud", "127.0.0.1:5000", "--stun", "127.0.0.1:0"),
                List.of("classify", "--stun", "127.0.0.1:0"))) {
            assertOneLineBadInput(Cli.run(bad.toArray(String[]::new)), "punchsim " + bad.get(0) + ": ", "127.0.0.1:0",
                    "is no destination");
        }
    }

    @Test
    void aPortInUseIsBadInputNamingTheAddress() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            String address = "127.0.0.1:" + taken.getLocalPort();
            assertOneLineBadInput(Cli.run("serve-cloud", "--listen", address), "cannot bind " + address, "in use");
            assertOneLineBadInput(Cli.run("serve-stun", "--listen", address), "cannot bind " + address, "in use");
            assertOneLineBadInput(Cli.run("join", "--cloud", "127.0.0.1:9", "--stun", "127.0.0.1:9", "--bind", address),
                    "cannot bind " + address, "in use");
            assertOneLineBadInput(Cli.run("classify", "--stun", "127.0.0.1:9", "--bind", address),
                    "cannot bind " + address, "in use");
        }
    }

    @Test
    void theSimulatorsCommandsSayItTheSameWay() {
        for (List<String> bad : List.of(
                List.of("sweep", "--no-such-option", "x.yaml"),
                List.of("run", "--threads", "many", "x.yaml"),
                List.of("trace", "x.yaml"),
                List.of("validate"))) {
            assertOneLineBadInput(Cli.run(bad.toArray(String[]::new)), "punchsim " + bad.get(0) + ": ", "--help");
        }
    }
}
