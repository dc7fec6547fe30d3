package io.punchsim.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.realnet.cloud.CloudOptions;
import io.punchsim.realnet.peer.ProtocolFlags;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RealNetCommandsTest {

    private static final List<Callable<Integer>> ALL = List.of(new ServeStunCommand(), new ServeCloudCommand(),
            new HostCommand(), new JoinCommand(), new ClassifyCommand());

    record Run(int exitCode, String out, String err) {}

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelpWithAnExampleAndItsExitCodes() {
        for (Callable<Integer> command : ALL) {
            Run help = run(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Example", "./punchsim ", "Exit codes", "  2  bad input");
        }
    }

    @Test
    void everyProtocolParameterIsAFlagOfTheCommandsThatRunTheProtocol() {
        for (Object command : List.of(new ServeCloudCommand(), new HostCommand(), new JoinCommand())) {
            String usage = run(command, "--help").out();
            for (ProtocolFlags.Flag flag : ProtocolFlags.FLAGS) {
                assertThat(usage).as(command.getClass().getSimpleName()).contains(flag.name());
            }
        }
    }

    @Test
    void serveCloudHasEveryOptionOfTheRealCloudAndTheyReachItsSettings() {
        String usage = run(new ServeCloudCommand(), "--help").out();
        for (CloudOptions.Option option : CloudOptions.ALL) {
            assertThat(usage).contains(option.name());
        }
        ServeCloudCommand cloud = new ServeCloudCommand();
        new CommandLine(cloud).parseArgs("--listen", "127.0.0.1:0", "--max-sessions", "7", "--reservation-lifetime", "2s");
        CloudOptions.Settings settings = CloudOptionsTransformer.settings(cloud.spec);
        assertThat(settings.limits().maxSessions()).isEqualTo(7);
        assertThat(settings.limits().reservationLifetimeNanos()).isEqualTo(2_000_000_000L);
        assertThat(run(new ServeCloudCommand(), "--listen", "127.0.0.1:0", "--max-sessions", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void protocolFlagsReachTheConfiguration() {
        HostCommand host = new HostCommand();
        new CommandLine(host).parseArgs("--cloud", "127.0.0.1:5000", "--stun", "127.0.0.1:3478",
                "--attempt-interval", "200ms", "--attempt-limit", "12", "--direct-fraction", "0.5", "--peer-reflexive");
        ProtocolConfig config = ProtocolOptions.config(host.spec);

        assertThat(config.attemptIntervalNanos()).isEqualTo(200_000_000L);
        // SPEC 2.3: the ping interval P defaults to the attempt interval T.
        assertThat(config.pingIntervalNanos()).isEqualTo(200_000_000L);
        assertThat(config.attemptLimit()).isEqualTo(12);
        assertThat(config.directFraction().numerator() * 2).isEqualTo(config.directFraction().denominator());
        assertThat(config.peerReflexive()).isTrue();
        assertThat(config.localCandidates()).isFalse();
    }

    @Test
    void aHostServesAsManyClientsAsItIsToldUpToWhatItsSessionHolds() {
        String usage = run(new HostCommand(), "--help").out();
        // A session holds at most 256 players (session-capacity), so a host serves 1..255 clients.
        assertThat(usage).contains("--clients=N").contains("(default 1, 1..255)");
        assertThat(run(new JoinCommand(), "--help").out()).doesNotContain("--clients");

        HostCommand host = new HostCommand();
        new CommandLine(host).parseArgs("--cloud", "127.0.0.1:5000", "--stun", "127.0.0.1:3478", "--clients", "9");
        assertThat(host.clients(ProtocolOptions.config(host.spec))).isEqualTo(9);
        HostCommand plain = new HostCommand();
        new CommandLine(plain).parseArgs("--cloud", "127.0.0.1:5000", "--stun", "127.0.0.1:3478");
        assertThat(plain.clients(ProtocolOptions.config(plain.spec))).isEqualTo(1);

        // Past the default session (the host and 9 clients), past a smaller one, out of range, not a number.
        for (List<String> bad : List.of(List.of("--clients", "10"), List.of("--clients", "3", "--session-capacity", "3"),
                List.of("--clients", "0"), List.of("--clients", "256"), List.of("--clients", "many"))) {
            List<String> args = new java.util.ArrayList<>(List.of("--cloud", "127.0.0.1:1", "--stun", "127.0.0.1:2"));
            args.addAll(bad);
            Run refused = run(new HostCommand(), args.toArray(String[]::new));
            assertThat(refused.exitCode()).as(String.join(" ", bad) + ": " + refused.err()).isEqualTo(2);
            assertThat(refused.err()).as(String.join(" ", bad)).contains("--clients");
        }
    }

    @Test
    void withoutFlagsTheConfigurationIsTheSpecsDefaultProcess() {
        JoinCommand join = new JoinCommand();
        new CommandLine(join).parseArgs("--cloud", "127.0.0.1:5000", "--stun", "127.0.0.1:3478");
        assertThat(ProtocolOptions.config(join.spec)).isEqualTo(ProtocolConfig.DEFAULTS);
    }

    @Test
    void badInputExitsWithTwoAndSaysWhatIsWrong() {
        Run badAddress = run(new JoinCommand(), "--cloud", "nowhere", "--stun", "127.0.0.1:3478");
        assertThat(badAddress.exitCode()).isEqualTo(2);
        assertThat(badAddress.err()).contains("--cloud");

        Run badFraction = run(new HostCommand(), "--cloud", "127.0.0.1:1", "--stun", "127.0.0.1:2", "--direct-fraction", "3/2");
        assertThat(badFraction.exitCode()).isEqualTo(2);
        assertThat(badFraction.err()).contains("--direct-fraction");

        Run sameAddress = run(new ServeStunCommand(), "--listen", "127.0.0.1:3478", "--other", "127.0.0.1:3479");
        assertThat(sameAddress.exitCode()).isEqualTo(2);
        assertThat(sameAddress.err()).contains("--other");

        Run missing = run(new ClassifyCommand());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--stun");
    }
}
