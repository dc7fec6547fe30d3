package io.punchsim.reports.format;

import io.punchsim.reports.SyntheticRuns;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.gate.GateOperator;
import io.punchsim.reports.gate.JudgedOn;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.stats.Percentile;
import io.punchsim.reports.sweep.ScenarioIdentity;
import io.punchsim.reports.sweep.SweepAxis;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A two-axis sweep report over synthetic runs, built with a chosen number of partial aggregates per point. */
final class Reports {

    static final ScenarioIdentity SCENARIO = new ScenarioIdentity("fusion-default", "sha256:0f1e2d",
            List.of(new SweepAxis("attempt-interval", List.of("250ms", "500ms", "1s")), new SweepAxis("loss", List.of("0", "5%"))));
    static final List<Gate> GATES = List.of(
            new Gate(Metrics.DIRECT_RATE, GateOperator.AT_LEAST, 0.60, JudgedOn.INTERVAL),
            new Gate(Metrics.connectTime(Percentile.P95), GateOperator.AT_MOST, 4.0, JudgedOn.ESTIMATE));

    private Reports() {
    }

    static SweepReport sweep(long seed, int parts, WallClock clock) {
        Map<Map<String, String>, PointAggregate> points = new LinkedHashMap<>();
        int i = 0;
        for (String interval : SCENARIO.axes().get(0).values()) {
            for (String loss : SCENARIO.axes().get(1).values()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                parameters.put("attempt-interval", interval);
                parameters.put("loss", loss);
                double direct = 0.72 - 0.06 * i;
                List<RunOutcome> runs = SyntheticRuns.draw(seed + i, 1_500, direct, 0.93 - direct);
                PointAggregate[] partials = new PointAggregate[parts];
                for (int p = 0; p < parts; p++) {
                    partials[p] = new PointAggregate();
                }
                for (int r = 0; r < runs.size(); r++) {
                    partials[(r * 7 + 3) % parts].add(SyntheticRuns.session(runs.get(r)));
                }
                PointAggregate merged = new PointAggregate();
                for (int p = parts - 1; p >= 0; p--) {
                    merged.merge(partials[p]);
                }
                points.put(parameters, merged);
                i++;
            }
        }
        return SweepReport.judge(SCENARIO, GATES, points, false, clock);
    }

    static SweepReport sweep(long seed) {
        return sweep(seed, 1, new WallClock(2.5, 3600, 2, 2, "OpenJDK 64-Bit Server VM 17", "Linux 6 amd64"));
    }
}
