package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.punchsim.reports.gate.GateOperator;
import io.punchsim.reports.gate.JudgedOn;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.stats.Percentile;
import io.punchsim.scenarios.tune.Objective;
import io.punchsim.scenarios.tune.TuneParameter;
import io.punchsim.scenarios.tune.TuneSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The precision: and tune: sections: what they bind to, and every problem at its file, line and column. */
class TuneAndPrecisionSectionsTest {

    private static List<String> problems(String yaml) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("t.yaml", yaml));
        assertThat(e).as("must be refused:\n%s", yaml).isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static List<String> labels(TuneParameter p) {
        return p.levels().stream().map(TuneParameter.Level::label).toList();
    }

    @Test
    void aPrecisionSectionJudgesEveryRateUnlessToldAndTakesTheDefaultBatchAndCap() throws Exception {
        assertThat(ScenarioLoader.load("t.yaml", "precision: {half-width: 0.5%}\n").precision())
                .contains(new Precision(0.005, Precision.defaultMetrics(), 2048, 1_000_000));
        assertThat(ScenarioLoader.load("t.yaml", "precision: {half-width: 1%, metrics: [success-rate], batch: 100, max-seeds: 900}\n")
                .precision()).contains(new Precision(0.01, List.of(Metrics.SUCCESS_RATE), 100, 900));
        assertThat(ScenarioLoader.load("t.yaml", "seeds: 10\n").precision()).isEmpty();
    }

    @Test
    void aPrecisionProblemNamesItsPlace() {
        assertThat(problems("precision: {metrics: [direct-rate, connect-time-p95, direct-rte], batch: 0}\n")).containsExactly(
                "t.yaml:1:12: precision: missing required key 'half-width' (the 95% half-width every listed rate must reach, e.g. 0.5%)",
                "t.yaml:1:36: precision.metrics[1]: 'connect-time-p95' is not a rate, so it has no Wilson half-width; the rates are"
                        + " direct-rate, relayed-rate, failed-rate, success-rate, upgraded-rate, session-all-direct-rate, session-any-relayed-rate,"
                        + " session-any-failed-rate",
                "t.yaml:1:54: precision.metrics[2]: 'direct-rte' is not allowed; did you mean 'direct-rate'? expected one of"
                        + " direct-rate, relayed-rate, failed-rate, success-rate, upgraded-rate, session-all-direct-rate, session-any-relayed-rate,"
                        + " session-any-failed-rate",
                "t.yaml:1:74: precision.batch: out of range: 0 is not within 1..100000000");
        assertThat(problems("precision: {half-width: 60%, metrics: [direct-rate, direct-rate]}\n")).containsExactly(
                "t.yaml:1:25: precision.half-width: out of range: 60% is not within (0%, 50%]",
                "t.yaml:1:53: precision.metrics[1]: 'direct-rate' is listed twice");
        assertThat(problems("precision: {half-width: 150%}\n")).as("beyond 100%, still the half-width's range").containsExactly(
                "t.yaml:1:25: precision.half-width: out of range: 150% is not within (0%, 50%]");
    }

    @Test
    void aTuneSectionBindsRangesInStepsListsObjectivesConstraintsAndDefaults() throws Exception {
        TuneSpec tune = ScenarioLoader.load("t.yaml", """
                tune:
                  parameters:
                    protocol.attempt-interval: {range: [100ms, 1s]}
                    protocol.attempt-limit: {range: [4, 20], step: 2}
                    protocol.direct-fraction: {range: [1/3, 1]}
                    protocol.variants.parallel-relay: [false, true]
                  objectives:
                    - {maximize: direct-rate}
                    - {minimize: connect-time-p95}
                  constraints:
                    - {metric: success-rate, at-least: 99%, judged-on: interval}
                  budget: {runs: 5000000}
                """).tune().orElseThrow();
        assertThat(tune.parameters()).extracting(TuneParameter::path).containsExactly("protocol.attempt-interval",
                "protocol.attempt-limit", "protocol.direct-fraction", "protocol.variants.parallel-relay");
        assertThat(labels(tune.parameters().get(0))).as("ten equal steps without a step")
                .containsExactly("100ms", "190ms", "280ms", "370ms", "460ms", "550ms", "640ms", "730ms", "820ms", "910ms", "1s");
        assertThat(labels(tune.parameters().get(1))).containsExactly("4", "6", "8", "10", "12", "14", "16", "18", "20");
        assertThat(labels(tune.parameters().get(2))).as("exact fractions, decimals where they end")
                .containsExactly("1/3", "0.4", "7/15", "8/15", "0.6", "2/3", "11/15", "0.8", "13/15", "14/15", "1");
        assertThat(labels(tune.parameters().get(3))).containsExactly("false", "true");
        assertThat(tune.gridSize()).isEqualTo(11 * 9 * 11 * 2);
        assertThat(tune.objectives()).containsExactly(new Objective(Metrics.DIRECT_RATE, Objective.Direction.MAXIMIZE),
                new Objective(Metrics.connectTime(Percentile.P95), Objective.Direction.MINIMIZE));
        assertThat(tune.choice()).as("the first objective by default").isEqualTo(tune.objectives().get(0));
        assertThat(tune.constraints()).singleElement().satisfies(g -> {
            assertThat(g.metric()).isEqualTo(Metrics.SUCCESS_RATE);
            assertThat(g.operator()).isEqualTo(GateOperator.AT_LEAST);
            assertThat(g.judgedOn()).isEqualTo(JudgedOn.INTERVAL);
        });
        assertThat(tune.budget()).hasValue(5_000_000);
        assertThat(tune.plot()).containsExactly(Metrics.DIRECT_RATE, Metrics.connectTime(Percentile.P95));
        assertThat(tune.frontAxis()).isEqualTo("protocol");
    }

    @Test
    void countsTakeEveryWholeNumberAndASingleKeyIsItsOwnAxis() throws Exception {
        TuneSpec tune = ScenarioLoader.load("t.yaml", "tune: {parameters: {protocol.attempt-limit: {range: [2, 5]}},"
                + " objectives: [{minimize: connect-time-p95}]}\n").tune().orElseThrow();
        assertThat(labels(tune.parameters().get(0))).containsExactly("2", "3", "4", "5");
        assertThat(tune.frontAxis()).isEqualTo("protocol.attempt-limit");
    }

    @Test
    void aRangeIsForANumericProtocolParameterAndIsCheckedByItsType() {
        assertThat(problems("""
                tune:
                  parameters:
                    protocol.variants.parallel-relay: {range: [0, 1]}
                    host.link.loss: {range: [0, 5%]}
                    protocol.attempt-limit: {range: [4, 20], step: 3}
                    protocol.ping-interval: {range: [1s, 100ms]}
                    protocol.listen-timeout: {range: [0s, 10s]}
                  objectives:
                    - {maximize: direct-rte}
                    - {minimize: connect-time-p95, maximize: direct-rate}
                """)).containsExactly(
                "t.yaml:3:47: tune.parameters.protocol.variants.parallel-relay.range: a range is for a duration, count, fraction or"
                        + " number of the protocol table (protocol.variants.parallel-relay is a switch); give"
                        + " protocol.variants.parallel-relay a list of values",
                "t.yaml:4:29: tune.parameters.host.link.loss.range: a range is for a duration, count, fraction or number of the"
                        + " protocol table; give host.link.loss a list of values",
                "t.yaml:5:52: tune.parameters.protocol.attempt-limit.step: the range 4..20 is not a whole number of steps of 3",
                "t.yaml:6:37: tune.parameters.protocol.ping-interval.range: the low end 1s is not below the high end 100ms",
                "t.yaml:7:39: tune.parameters.protocol.listen-timeout.range[0]: out of range: 0s is not within 1ms..1h",
                "t.yaml:9:18: tune.objectives[0].maximize: 'direct-rte' is not allowed; did you mean 'direct-rate'? expected one of "
                        + String.join(", ", Metrics.gateable().stream().map(io.punchsim.reports.metric.Metric::key).toList()),
                "t.yaml:10:7: tune.objectives[1]: an objective is exactly one of maximize or minimize, with a metric, e.g."
                        + " {maximize: direct-rate}");
    }

    @Test
    void eachListedValueIsBoundWithTheFileAndReportedWhereItIsWritten() {
        assertThat(problems("""
                tune:
                  parameters:
                    host.nat: [full-cone, no-such-nat]
                  objectives: [{maximize: direct-rate}]
                """)).containsExactly("t.yaml:3:27: tune.parameters.host.nat[1]: 'no-such-nat' is not allowed; expected one of open, full-cone,"
                + " restricted-cone, port-restricted-cone, symmetric, udp-blocked, firewall, linux-masquerade,"
                + " linux-masquerade-random-fully, cgnat");
    }

    @Test
    void aValueThatClashesWithTheFileSaysWhichValueItIs() {
        assertThat(problems("""
                client: {nat: symmetric}
                tune:
                  parameters:
                    network.same-lan: [false, true]
                  objectives: [{maximize: direct-rate}]
                """)).containsExactly("t.yaml:1:10: client.nat: the client sits behind the host's NAT when network.same-lan is"
                + " true; remove client.nat (with network.same-lan = true)");
    }

    @Test
    void tunedKeysShareASectionAndTheFileWideSectionsCanBeNeitherTunedNorSwept() {
        assertThat(problems("""
                tune:
                  parameters:
                    protocol.attempt-limit: {range: [4, 20]}
                    host.nat: [full-cone, symmetric]
                  objectives: [{maximize: direct-rate}]
                """)).containsExactly("t.yaml:3:5: tune.parameters: the tuned keys lie in different sections (protocol, host);"
                + " they must share their first key, because front.yaml lists the front as one sweep axis under it");
        assertThat(problems("""
                tune:
                  parameters:
                    precision.half-width: [1%]
                  plot: [direct-rate]
                sweep:
                  tune.budget.runs: [1, 2]
                """)).containsExactly(
                "t.yaml:2:3: tune: missing required key 'objectives'",
                "t.yaml:3:5: tune.parameters.precision.half-width: precision applies to the whole file; it cannot be tuned",
                "t.yaml:4:9: tune.plot: expected two metrics, e.g. [direct-rate, connect-time-p95]; got 1",
                "t.yaml:6:3: sweep.tune.budget.runs: tune applies to the whole file; it cannot be swept");
        assertThat(problems("""
                tune:
                  parameters:
                    protocol.variants: [{}, {peer-reflexive: true}]
                    protocol.variants.parallel-relay: [false, true]
                  objectives: [{maximize: direct-rate}]
                """)).containsExactly("t.yaml:4:5: tune.parameters.protocol.variants.parallel-relay: lies inside"
                + " protocol.variants, which is tuned too");
    }

    @Test
    void valuesAreListedOnceAndTheRestIsChecked() {
        assertThat(problems("""
                tune:
                  parameters:
                    protocol.attempt-limit: [4, 4]
                  objectives: []
                  initial: 0
                  budget: {}
                """)).containsExactly(
                "t.yaml:3:33: tune.parameters.protocol.attempt-limit[1]: '4' is listed twice",
                "t.yaml:4:15: tune.objectives: expected at least one objective, e.g. {maximize: direct-rate}",
                "t.yaml:5:12: tune.initial: out of range: 0 is not within 1..100000",
                "t.yaml:6:11: tune.budget: missing required key 'runs' (the most runs the tune may spend)");
    }

    @Test
    void anEmptyParametersSectionSaysSoRatherThanAskingForTheMappingItIs() {
        assertThat(problems("""
                tune:
                  parameters: {}
                  objectives: [{maximize: direct-rate}]
                """)).containsExactly(
                "t.yaml:2:15: tune.parameters: expected at least one tuned key, e.g. protocol.attempt-limit: {range: [4, 20]}");
    }

    @Test
    void keysThatChangeNothingATuneComparesCannotBeTuned() {
        assertThat(problems("""
                tune:
                  parameters:
                    root-seed: [1, 2]
                  objectives: [{maximize: direct-rate}]
                """)).containsExactly(
                "t.yaml:3:5: tune.parameters.root-seed: a tune runs every candidate on the same seeds, so root-seed cannot be tuned");
        assertThat(problems("""
                tune:
                  parameters:
                    seeds: [100, 200]
                  objectives: [{maximize: direct-rate}]
                """)).containsExactly("t.yaml:3:5: tune.parameters.seeds: a tune runs each candidate to its precision, not to a"
                + " seed count, so seeds cannot be tuned");
        assertThat(problems("""
                tune:
                  parameters:
                    name: [a, b]
                  objectives: [{maximize: direct-rate}]
                """)).containsExactly(
                "t.yaml:3:5: tune.parameters.name: name only labels the reports; it changes no run, so it cannot be tuned");
    }

    /** A tune of two candidates whose constraints are the lines given. */
    private static String constrained(String constraints) {
        return """
                tune:
                  parameters:
                    protocol.attempt-limit: [4, 6]
                  objectives: [{maximize: direct-rate}]
                  constraints:
                """ + constraints;
    }

    @Test
    void aLowerBoundAboveAnUpperBoundOnOneMetricIsRefusedAtTheLaterConstraint() throws Exception {
        assertThat(problems(constrained("""
                    - {metric: success-rate, at-least: 99%}
                    - {metric: direct-rate, at-most: 90%}
                    - {metric: success-rate, at-most: 50%, judged-on: interval}
                """))).containsExactly("t.yaml:8:7: tune.constraints[2]: contradicts tune.constraints[0] (success-rate at-least"
                + " 99% (estimate)): its lower bound is above its upper bound, so no setting can meet both");
        // Equal bounds judged on the estimates can both be met (a rate of exactly 50%).
        assertThat(ScenarioLoader.load("t.yaml", constrained("""
                    - {metric: direct-rate, at-most: 50%}
                    - {metric: direct-rate, at-least: 50%}
                """)).tune().orElseThrow().constraints()).hasSize(2);
    }

    @Test
    void aRangeOfFractionsIsNamedAsWritten() {
        assertThat(problems("""
                tune:
                  parameters:
                    protocol.direct-fraction: {range: [0, 1], step: 0.3}
                  objectives: [{maximize: direct-rate}]
                """)).containsExactly(
                "t.yaml:3:53: tune.parameters.protocol.direct-fraction.step: the range 0..1 is not a whole number of steps of 0.3");
    }
}
