package io.punchsim.cli;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.stats.Proportion;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.io.PrintStream;
import java.util.Locale;

/** The compact table a sweep prints: one line per point. */
final class Summary {
    private Summary() {}

    static void print(SweepReport report, PrintStream out) {
        int labelWidth = Math.max(5, report.points().stream().mapToInt(p -> p.label().length()).max().orElse(5));
        labelWidth = Math.min(labelWidth, 70);
        String header = String.format(Locale.ROOT, "%-" + labelWidth + "s %9s  %-22s %-22s %-22s %9s %9s  %s",
                "point", "runs", "direct (95% CI)", "relayed (95% CI)", "failed (95% CI)", "p50 s", "p95 s", "gates");
        out.println(header);
        for (SweepPoint point : report.points()) {
            PointAggregate a = point.aggregate();
            String label = point.label().isEmpty() ? "(base)" : point.label();
            if (label.length() > labelWidth) {
                label = label.substring(0, labelWidth - 1) + "…";
            }
            out.println(String.format(Locale.ROOT, "%-" + labelWidth + "s %9d  %-22s %-22s %-22s %9s %9s  %s",
                    label, a.runs(), rate(a.rate(Outcome.DIRECT)), rate(a.rate(Outcome.RELAYED)),
                    rate(a.rate(Outcome.FAILED)), seconds(a, 50), seconds(a, 95),
                    point.verdicts().isEmpty() ? "-" : point.passed() ? "pass" : "FAIL"));
        }
        double seconds = report.wallClock().durationSeconds();
        out.println(String.format(Locale.ROOT, "%,d runs in %.1f s (%,.0f runs/s)", report.totalRuns(), seconds,
                report.totalRuns() / Math.max(1e-9, seconds)));
    }

    private static String rate(Proportion p) {
        return String.format(Locale.ROOT, "%.4f [%.4f,%.4f]", p.estimate(), p.lower(), p.upper());
    }

    private static String seconds(PointAggregate a, double percentile) {
        var histogram = a.connectTimeFromK1();
        if (histogram.getTotalCount() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f", histogram.getValueAtPercentile(percentile) / 1e9);
    }
}
