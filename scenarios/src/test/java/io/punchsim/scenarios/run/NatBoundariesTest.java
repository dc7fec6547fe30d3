package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.punchsim.nat.NatPresets;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.Problem;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every NAT value at the edge of what the loader accepts runs (each point prepares and a seed runs
 * to an end); every value just beyond is refused at its own file, line, column and key, so nothing
 * the loader accepts fails later in a NAT model's constructor or the virtual network.
 */
class NatBoundariesTest {

    static Stream<String> accepted() {
        List<String> nats = new ArrayList<>(List.of(
                "{preset: full-cone, port-step: 1}",
                "{preset: full-cone, port-step: 65535}",
                "{allocation: sequential, port-step: 65535, port-range: [1, 1]}",
                "{allocation: preserve, port-range: [65535, 65535]}",
                "{allocation: random, port-range: [1, 65535]}",
                "{preset: symmetric, port-step: 2}",
                "{lifetime: 1s}",
                "{lifetime: 24h, inbound-refresh: true}",
                "{external-addresses: 1}",
                "{external-addresses: 246, pooling: arbitrary}",
                "[{preset: full-cone, external-addresses: 246}, {preset: cgnat, external-addresses: 246}]",
                "{max-mappings: 1, on-full: drop}",
                "{max-mappings: 1, on-full: evict-oldest}",
                "{max-mappings: 1000000}",
                "{preset: linux-masquerade, mapping: address-and-port-dependent, hairpinning: true}",
                "{preset: linux-masquerade-random-fully, allocation: preserve, port-step: 9}",
                "{preset: firewall, filtering: address-dependent, lifetime: 5s}",
                "{preset: open, mapping: address-dependent}",
                "{preset: udp-blocked, lifetime: 1s}",
                chain(16, "{preset: restricted-cone, external-addresses: 246}"),
                chain(16, "firewall"),
                "[open, firewall, cgnat, udp-blocked, full-cone]",
                "{preset: symmetric, port-mapping: upnp}",
                "[{preset: linux-masquerade, port-mapping: nat-pmp}, cgnat]",
                "{preset: cgnat, port-mapping: none}",
                "{port-mapping: pcp, max-mappings: 1}"));
        for (String name : NatPresets.names()) {
            nats.add(name);
            nats.add("{preset: " + name + ", lifetime: 5s, max-mappings: 3}");
            nats.add("[" + name + ", " + name + "]");
        }
        return nats.stream();
    }

    private static String chain(int hops, String nat) {
        return "[" + String.join(", ", Collections.nCopies(hops, nat)) + "]";
    }

    @ParameterizedTest(name = "host.nat: {0}")
    @MethodSource("accepted")
    void anAcceptedNatRuns(String nat) throws Exception {
        String yaml = "seeds: 2\nhost:\n  nat: " + nat + "\nclient:\n  nat: " + nat
                + "\nfaults:\n  - nat-rebinding: {nat: host, at: 1s}\n";
        runsEveryPoint(ScenarioLoader.load("accepted.yaml", yaml), nat);
    }

    @ParameterizedTest(name = "host.nat: {0}, with port-mapping and birthday-punch")
    @MethodSource("accepted")
    void anAcceptedNatRunsWithTheVariantsThatReachBeyondOneSocket(String nat) throws Exception {
        String yaml = "seeds: 2\nhost:\n  nat: " + nat + "\nclient:\n  nat: " + nat
                + "\nprotocol: {variants: {port-mapping: true, birthday-punch: true}, birthday: {ports: 8, probes: 50}}"
                + "\nfaults:\n  - nat-rebinding: {nat: host, at: 1s}\n";
        runsEveryPoint(ScenarioLoader.load("accepted.yaml", yaml), nat);
    }

    @Test
    void everyPresetRunsInAMixAndOnASharedLan() throws Exception {
        String weight = String.format(java.util.Locale.ROOT, "%.15f", 1.0 / NatPresets.names().size());
        String mix = "{" + String.join(", ", NatPresets.names().stream().map(n -> n + ": " + weight).toList()) + "}";
        runsEveryPoint(ScenarioLoader.load("mix.yaml", "seeds: 20\nhost:\n  nat: " + mix + "\nclient:\n  nat: " + mix + "\n"),
                mix);
        for (String name : NatPresets.names()) {
            runsEveryPoint(ScenarioLoader.load("lan.yaml", "seeds: 2\nnetwork: {same-lan: true}\nhost: {nat: " + name + "}\n"),
                    name);
        }
    }

    @Test
    void theLastHopOfTheLongestChainCanBeRebound() throws Exception {
        runsEveryPoint(ScenarioLoader.load("rebind.yaml", "seeds: 2\nhost:\n  nat: " + chain(16, "full-cone")
                + "\nfaults:\n  - nat-rebinding: {nat: host, hop: 15, at: 1s}\n"), "16 hops");
    }

    @Test
    void theFileThatUsesEveryKeyRuns() throws Exception {
        runsEveryPoint(ScenarioLoader.load(Path.of("src/test/resources/good/every-key.yaml")), "every-key.yaml");
    }

    private static void runsEveryPoint(LoadedScenario loaded, String what) {
        for (PreparedPoint point : Sweeps.prepare(loaded)) {
            for (long seed = 1; seed <= 2; seed++) {
                RunOutcome outcome = ConnectionRun.run(point, seed);
                assertThat(outcome.seed()).as("%s, seed %d", what, seed).isEqualTo(seed);
            }
        }
    }

    /**
     * Each file marks the refused value with {@code ^}; the one problem must be there, under the key
     * path given, with a message containing the text given.
     */
    static Stream<String[]> refused() {
        return Stream.of(
                new String[] {"host:\n  nat: {preset: full-cone, port-step: ^0}", "host.nat.port-step", "not within 1..65535"},
                new String[] {"host:\n  nat: {port-step: ^65536}", "host.nat.port-step", "not within 1..65535"},
                new String[] {"host:\n  nat: {port-range: [^0, 10]}", "host.nat.port-range[0]", "not within 1..65535"},
                new String[] {"host:\n  nat: {port-range: [10, ^65536]}", "host.nat.port-range[1]", "not within 1..65535"},
                new String[] {"host:\n  nat: {port-range: ^[20, 10]}", "host.nat.port-range", "low port 20 is above high port 10"},
                new String[] {"host:\n  nat: {lifetime: ^999ms}", "host.nat.lifetime", "not within 1s..24h"},
                new String[] {"host:\n  nat: {lifetime: ^86401s}", "host.nat.lifetime", "not within 1s..24h"},
                new String[] {"host:\n  nat: {external-addresses: ^0}", "host.nat.external-addresses", "not within 1..246"},
                new String[] {"host:\n  nat: [{preset: cgnat, external-addresses: ^247}, cgnat]",
                        "host.nat[0].external-addresses", "not within 1..246"},
                new String[] {"host:\n  nat: {max-mappings: ^0}", "host.nat.max-mappings", "not within 1..1000000"},
                new String[] {"host:\n  nat: {max-mappings: ^1000001}", "host.nat.max-mappings", "not within 1..1000000"},
                new String[] {"host:\n  nat: {on-full: ^dorp}", "host.nat.on-full", "did you mean 'drop'?"},
                new String[] {"host:\n  nat: {allocation: ^sequentail}", "host.nat.allocation", "did you mean 'sequential'?"},
                new String[] {"host:\n  nat: ^" + chain(17, "full-cone"), "host.nat", "at most 16 NATs; this one has 17"},
                new String[] {"host:\n  nat: {preset: linux-masquerade, mapping: ^endpoint-independent}", "host.nat.mapping",
                        "cannot be used with preset linux-masquerade"},
                new String[] {"client:\n  nat:\n    - {preset: linux-masquerade-random-fully, mapping: ^address-dependent}",
                        "client.nat[0].mapping", "only address-and-port-dependent mapping allows"},
                new String[] {"host:\n  nat: {preset: cgnat, port-mapping: ^pcp}", "host.nat.port-mapping",
                        "a carrier-grade NAT offers its subscribers no port mapping"},
                new String[] {"host:\n  nat: [full-cone, {preset: full-cone, port-mapping: ^upnp}]", "host.nat[1].port-mapping",
                        "only the first NAT of a chain"},
                new String[] {"host:\n  nat: {preset: firewall, port-mapping: ^nat-pmp}", "host.nat.port-mapping",
                        "needs a NAT that translates; this one is firewall"},
                new String[] {"host:\n  nat: {port-mapping: ^upnpp}", "host.nat.port-mapping", "did you mean 'upnp'?"},
                new String[] {"host:\n  nat: ^firewal", "host.nat", "did you mean 'firewall'?"},
                new String[] {"host:\n  nat: {preset: ^firewal}", "host.nat.preset", "did you mean 'firewall'?"},
                new String[] {"host:\n  nat: {symmetric: 0.5, ^firewal: 0.5}", "host.nat.firewal", "did you mean 'firewall'?"},
                new String[] {"host:\n  nat: " + chain(16, "full-cone") + "\nfaults:\n  - nat-rebinding: {nat: host, hop: ^16, at: 1s}",
                        "faults[0].nat-rebinding.hop", "not within 0..15"});
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("refused")
    void aValueBeyondTheRangeIsRefusedWhereItIsWritten(String marked, String key, String message) {
        int offset = marked.indexOf('^');
        String before = marked.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = offset - before.lastIndexOf('\n');
        String yaml = marked.replace("^", "") + "\n";
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("bad.yaml", yaml));
        assertThat(e).as("refused:%n%s", yaml).isNotNull();
        assertThat(e.problems()).as(yaml).hasSize(1);
        Problem problem = e.problems().get(0);
        assertThat(problem.toString()).startsWith("bad.yaml:" + line + ":" + column + ": " + key + ": ").contains(message);
    }
}
