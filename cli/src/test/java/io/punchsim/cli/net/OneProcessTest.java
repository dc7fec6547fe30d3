package io.punchsim.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.config.Parameter;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.config.ProtocolParameters;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.model.LatencySpec;
import io.punchsim.scenarios.model.ScenarioDefaults;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/**
 * {@code punchsim host} and {@code join} without flags run exactly the process that a scenario
 * without {@code protocol:} keys runs, and every scenario key is a flag of the same words.
 */
class OneProcessTest {

    private static CommandLine command(String name) {
        return new CommandLine(switch (name) {
            case "host" -> new HostCommand();
            case "join" -> new JoinCommand();
            default -> new ServeCloudCommand();
        });
    }

    private static ProtocolConfig parsed(String command, String... args) {
        CommandLine sub = command(command);
        String[] endpoints = command.equals("serve-cloud") ? new String[] {"--listen", "127.0.0.1:0"}
                : new String[] {"--cloud", "127.0.0.1:5000", "--stun", "127.0.0.1:3478"};
        String[] all = java.util.Arrays.copyOf(endpoints, endpoints.length + args.length);
        System.arraycopy(args, 0, all, endpoints.length, args.length);
        sub.parseArgs(all);
        return ProtocolOptions.config(sub.getCommandSpec());
    }

    @Test
    void noFlagsIsTheProcessOfAScenarioWithoutProtocolKeys() throws Exception {
        ProtocolConfig scenario = ScenarioLoader.load("plain.yaml", "seeds: 1\n").base().protocol();
        for (String command : new String[] {"host", "join", "serve-cloud"}) {
            assertThat(parsed(command)).as(command).isEqualTo(scenario).isEqualTo(ProtocolConfig.DEFAULTS);
        }
        // The start-up delay a scenario draws per peer has the table's default too.
        assertThat(ScenarioDefaults.STARTUP_DELAY).isEqualTo(new LatencySpec.Uniform(
                ProtocolConfig.DEFAULTS.startupDelay().minNanos(), ProtocolConfig.DEFAULTS.startupDelay().maxNanos()));
    }

    @Test
    void aFlagSetsWhatTheScenarioKeyOfTheSameWordsSets() throws Exception {
        ProtocolConfig scenario = ScenarioLoader.load("set.yaml", """
                protocol:
                  attempt-interval: 250ms
                  cloud-max-retransmits: 2
                  cloud-keepalive: 20s
                  game-phase: {enabled: true, tick-rate: 0.5}
                  variants: {peer-reflexive: true}
                """).base().protocol();
        ProtocolConfig flags = parsed("join", "--attempt-interval", "250ms", "--cloud-max-retransmits", "2",
                "--cloud-keepalive", "20s", "--game-phase-enabled", "--game-phase-tick-rate", "0.5", "--peer-reflexive");
        assertThat(flags).isEqualTo(scenario);
    }

    @Test
    void everyParameterIsAnOptionOfThePeerCommands() {
        for (String command : new String[] {"host", "join", "serve-cloud"}) {
            var spec = command(command).getCommandSpec();
            for (Parameter<?> p : ProtocolParameters.ALL) {
                assertThat(spec.findOption(p.flag())).as(command + " " + p.flag()).isNotNull();
            }
        }
    }
}
