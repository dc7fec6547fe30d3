package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RttSummary;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.TrafficCounts;
import io.punchsim.reports.sweep.ScenarioIdentity;
import io.punchsim.reports.sweep.SweepAxis;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console summary has a column for every summary metric of the registry and a line per point. */
class SummaryTest {

    private static PointAggregate point(int direct, int failed) {
        PointAggregate a = new PointAggregate();
        long seed = 0;
        for (int i = 0; i < direct; i++) {
            a.add(RunOutcome.connected(seed++, Outcome.DIRECT, 100_000_000L * (1 + i % 5), 600_000_000L, 0, "full-cone", "full-cone",
                    TrafficCounts.NONE, 0, RttSummary.NONE));
        }
        for (int i = 0; i < failed; i++) {
            a.add(RunOutcome.failed(seed++, FailureReason.ATTEMPTS_EXHAUSTED, "symmetric", "symmetric", TrafficCounts.NONE, 0));
        }
        return a;
    }

    @Test
    void everySummaryMetricIsAColumnAndEveryPointALine() {
        Map<Map<String, String>, PointAggregate> points = new LinkedHashMap<>();
        points.put(Map.of("attempt-limit", "3"), point(90, 10));
        points.put(Map.of("attempt-limit", "10"), point(0, 20));
        SweepReport report = SweepReport.judge(new ScenarioIdentity("s", "d", List.of(new SweepAxis("attempt-limit", List.of("3", "10")))),
                List.of(), points, false, new WallClock(1, 120, 1, 1, "jvm", "os"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Summary.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1 + 2 + 1);
        for (Metric m : Metrics.summary()) {
            assertThat(lines.get(0)).as(m.key()).contains(m.label());
        }
        assertThat(lines.get(0)).startsWith("point  attempt-limit  runs");
        assertThat(lines.get(1)).startsWith("    1  3" + " ".repeat(12) + "   100  ").contains("0.9000 [").contains("0.500").endsWith("-");
        // Nothing connected: every connect time is absent.
        assertThat(lines.get(2)).startsWith("    2  10" + " ".repeat(11) + "    20  ").contains("0.0000 [0.0000,");
        assertThat(lines.get(2).split("\\s+")).filteredOn("-"::equals).hasSize(Metrics.summary().size() - 3 + 1);
    }

    @Test
    void everyAxisValueIsShownInFullUnderItsOwnHeadingHoweverLong() {
        String longValue = "{peer-reflexive: true, local-candidates: true, port-prediction: true, parallel-relay: true}";
        Map<Map<String, String>, PointAggregate> points = new LinkedHashMap<>();
        for (String interval : List.of("250ms", "500ms")) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("protocol.variants", longValue);
            values.put("protocol.attempt-interval", interval);
            points.put(values, point(5, 5));
        }
        SweepReport report = SweepReport.judge(new ScenarioIdentity("s", "d", List.of(
                        new SweepAxis("protocol.variants", List.of(longValue)),
                        new SweepAxis("protocol.attempt-interval", List.of("250ms", "500ms")))),
                List.of(), points, false, new WallClock(1, 120, 1, 1, "jvm", "os"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Numbered as points 3 and 4 of a larger grid, as run --point or a subset would be.
        Summary.print(report, List.of(3, 4), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).contains("protocol.variants").contains("protocol.attempt-interval");
        assertThat(lines.get(1)).startsWith("    3  " + longValue + "  250ms ").doesNotContain("…");
        assertThat(lines.get(2)).startsWith("    4  " + longValue + "  500ms ");
    }
}
