package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.gate.GateOperator;
import io.punchsim.reports.gate.JudgedOn;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.metric.Unit;
import io.punchsim.reports.stats.Percentile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario file's gates are the reports' gates: every gateable metric is a word, and bounds are checked with their position. */
class GatesTest {

    private static List<Gate> gates(String yaml) throws Exception {
        return ScenarioLoader.load("g.yaml", yaml).base().gates();
    }

    private static List<String> problems(String yaml) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("g.yaml", yaml));
        assertThat(e).as("must be refused:\n%s", yaml).isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    // A bound as a file writes it, and the same bound in the metric's reported unit.
    private static String written(Unit unit) {
        return switch (unit) {
            case FRACTION -> "25%";
            case NANOSECONDS -> "1500ms";
            case BYTES, PACKETS, COUNT -> "1200";
        };
    }

    private static double reported(Unit unit) {
        return switch (unit) {
            case FRACTION -> 0.25;
            case NANOSECONDS -> 1.5;
            case BYTES, PACKETS, COUNT -> 1200;
        };
    }

    @Test
    void everyGateableMetricCanBeGatedFromAFile() throws Exception {
        for (Metric m : Metrics.gateable()) {
            String bound = written(m.unit());
            List<Gate> gates = gates("gates:\n  - {metric: " + m.key() + ", at-most: " + bound + ", judged-on: interval}\n"
                    + "  - {metric: " + m.key() + ", at-least: " + bound + "}\n");
            assertThat(gates).as(m.key()).containsExactly(
                    new Gate(m, GateOperator.AT_MOST, reported(m.unit()), JudgedOn.INTERVAL),
                    new Gate(m, GateOperator.AT_LEAST, reported(m.unit()), JudgedOn.ESTIMATE));
        }
    }

    @Test
    void boundsAreRangeCheckedWhereTheFileSaysThem() {
        String yaml = """
                gates:
                  - {metric: direct-rate, at-least: 1.5}
                  - {metric: connect-time-p99, at-most: 2h}
                  - {metric: relayed-bytes-per-run-mean, at-most: -3}
                  - {metric: failed-rate, at-most: 2s}
                  - {metric: connect-time-p50, at-most: 5%}
                """;
        assertThat(problems(yaml)).containsExactly(
                "g.yaml:2:37: gates[0].at-least: '1.5' is out of range; expected 0..1 (0%..100%)",
                "g.yaml:3:41: gates[1].at-most: out of range: 2h is not within 0s..1h",
                "g.yaml:4:51: gates[2].at-most: out of range: -3 is not within 0..1000000000000",
                "g.yaml:5:36: gates[3].at-most: '2s' is not a percentage like 5% or a decimal like 0.05",
                "g.yaml:6:41: gates[4].at-most: '5%' is not a duration; write a number with a unit: ns, us, ms, s, m or h, e.g. 500ms or 1.5s");
    }

    @Test
    void metricAndJudgementWordsAreTheReportsOwn() {
        assertThat(problems("gates:\n  - {metric: connect-time-p59, at-most: 1s, judged-on: intervals}\n")).containsExactly(
                "g.yaml:2:14: gates[0].metric: 'connect-time-p59' is not allowed; did you mean 'connect-time-p50'? expected one of "
                        + String.join(", ", Metrics.gateable().stream().map(Metric::key).toList()),
                "g.yaml:2:56: gates[0].judged-on: 'intervals' is not allowed; did you mean 'interval'? expected one of estimate, interval");
    }

    @Test
    void aTimeBoundIsInSecondsAsTheReportStatesIt() throws Exception {
        assertThat(gates("gates:\n  - {metric: connect-time-p95, at-most: 4s}\n"))
                .containsExactly(new Gate(Metrics.connectTime(Percentile.P95), GateOperator.AT_MOST, 4.0, JudgedOn.ESTIMATE));
    }

    @Test
    void theReadmeNamesEveryGateableMetric() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(Metrics.gateable()).allSatisfy(m -> assertThat(readme).as(m.key()).contains("`" + m.key() + "`"));
    }
}
