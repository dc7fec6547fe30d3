package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems of smaller shapes, each written inline so its line and column can be read off the text. */
class ProblemsInlineTest {

    private static List<String> problems(String yaml) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("t.yaml", yaml));
        assertThat(e).as("must be refused:\n%s", yaml).isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aMissingFileIsOneProblemNamingIt() {
        java.nio.file.Path missing = java.nio.file.Path.of("no-such-dir", "missing.yaml");
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(missing));
        assertThat(e.problems()).extracting(Problem::toString)
                .containsExactly(missing + ":1:1: no such file");
    }

    @Test
    void aDistributionWithTwoFormsIsOneProblem() {
        assertThat(problems("host:\n  link:\n    latency: {uniform: [10ms, 30ms], normal: {mean: 1ms, sd: 1ms}, foo: 1}\n"))
                .containsExactly(
                        "t.yaml:3:14: host.link.latency: a distribution has exactly one of constant, uniform, normal,"
                                + " lognormal, pareto, empirical; got 3 keys",
                        "t.yaml:3:68: host.link.latency.foo: unknown key; allowed here: constant, uniform, normal,"
                                + " lognormal, pareto, empirical");
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThat(problems("seeds: 1\nseeds: 2\n")).containsExactly("t.yaml:2:1: seeds: duplicate key 'seeds' (first at line 1)");
    }

    @Test
    void aSecondDocumentIsAnError() {
        assertThat(problems("seeds: 1\n---\nseeds: 2\n")).singleElement().asString().contains("second one");
    }

    @Test
    void aMixOfCustomNatsNeedsWeightsThatSumToOne() {
        String yaml = """
                host:
                  nat:
                    mix:
                      - {nat: {mapping: address-dependent}, weight: 60%}
                      - {nat: [full-cone, cgnat], weight: 30%}
                """;
        assertThat(problems(yaml)).containsExactly("t.yaml:3:5: host.nat: mix weights sum to 0.9; they must sum to 1 (within 1e-9)");
    }

    @Test
    void aMixInsideAChainIsRefused() {
        String yaml = """
                client:
                  nat:
                    - full-cone
                    - {symmetric: 0.5, full-cone: 0.5}
                """;
        assertThat(problems(yaml)).singleElement().asString()
                .startsWith("t.yaml:4:7: client.nat[1]: a NAT chain cannot contain a mix");
    }

    @Test
    void customNatKeysAndValuesAreChecked() {
        String yaml = """
                host:
                  nat: {mapping: endpoint-independant, hairpining: true, port-range: [5000, 4000], lifetime: 0s}
                """;
        assertThat(problems(yaml)).containsExactly(
                "t.yaml:2:18: host.nat.mapping: 'endpoint-independant' is not allowed; did you mean 'endpoint-independent'?"
                        + " expected one of endpoint-independent, address-dependent, address-and-port-dependent",
                "t.yaml:2:40: host.nat.hairpining: unknown key; did you mean 'hairpinning'?",
                "t.yaml:2:70: host.nat.port-range: low port 5000 is above high port 4000",
                "t.yaml:2:94: host.nat.lifetime: out of range: 0s is not within 1s..24h");
    }

    @Test
    void latencyDistributionsAreChecked() {
        String yaml = """
                host:
                  link:
                    latency: {uniform: [30ms, 10ms]}
                    up: {latency: {normal: {mean: 20ms}}}
                    down: {latency: {empirical: [[10ms, 0.5], [50ms, 0.4]]}}
                """;
        assertThat(problems(yaml)).containsExactly(
                "t.yaml:3:24: host.link.latency.uniform: low bound is above high bound",
                "t.yaml:4:28: host.link.up.latency.normal: missing required key 'sd'",
                "t.yaml:5:33: host.link.down.latency.empirical: probabilities sum to 0.9; they must sum to 1 (within 1e-9)");
    }

    @Test
    void faultsAndGatesAreChecked() {
        String yaml = """
                faults:
                  - link-down: {link: hots, from: 2s, to: 1s}
                  - nat-rebinding: {nat: client, hop: 1, at: 3s}
                gates:
                  - {metric: direct-rate, at-least: 60%, at-most: 90%}
                  - {metric: connect-time-p95, at-most: 4}
                """;
        assertThat(problems(yaml)).containsExactly(
                "t.yaml:2:23: faults[0].link-down.link: 'hots' is not allowed; did you mean 'host'? expected one of host, client, cloud, stun",
                "t.yaml:2:43: faults[0].link-down.to: 'to' must be after 'from'",
                "t.yaml:3:39: faults[1].nat-rebinding.hop: out of range: the client's NAT has 1 hop(s), so hop is 0..0",
                "t.yaml:5:5: gates[0]: a gate has exactly one bound: at-least or at-most",
                "t.yaml:6:41: gates[1].at-most: '4' has no unit; write a duration as a number with a unit: ns, us, ms, s, m or h, e.g. 500ms or 1.5s");
    }

    @Test
    void theClientCannotHaveItsOwnNatOnASharedLan() {
        String yaml = """
                network: {same-lan: true}
                client:
                  nat: symmetric
                """;
        assertThat(problems(yaml)).singleElement().asString()
                .startsWith("t.yaml:3:3: client.nat: the client sits behind the host's NAT");
    }

    @Test
    void aSweepThroughAScalarIsRefusedAtTheAxis() {
        String yaml = """
                host:
                  nat: full-cone
                sweep:
                  host.nat.hairpinning: [true, false]
                """;
        assertThat(problems(yaml)).containsExactly(
                "t.yaml:4:3: sweep.host.nat.hairpinning: cannot set host.nat.hairpinning: host.nat is a string in the file (line 2), not a mapping");
    }

    @Test
    void aProblemFromCombiningTheBaseWithASweepValueNamesThePoint() {
        String yaml = """
                client:
                  nat: [full-cone, cgnat]
                faults:
                  - nat-rebinding: {nat: client, hop: 1, at: 3s}
                sweep:
                  client.nat: [[full-cone, cgnat], symmetric]
                """;
        assertThat(problems(yaml)).containsExactly(
                "t.yaml:4:39: faults[0].nat-rebinding.hop: out of range: the client's NAT has 1 hop(s), so hop is 0..0"
                        + " (at sweep point client.nat=symmetric)");
    }

    @Test
    void anUnknownKeyFarFromAnyAllowedOneListsTheAllowedKeys() {
        assertThat(problems("protocol:\n  variants:\n    telepathy: true\n")).containsExactly(
                "t.yaml:3:5: protocol.variants.telepathy: unknown key; allowed here: peer-reflexive, local-candidates,"
                        + " port-prediction, parallel-relay, lan-stage, relay-without-reflexive, relay-first, port-mapping,"
                        + " birthday-punch");
    }
}
