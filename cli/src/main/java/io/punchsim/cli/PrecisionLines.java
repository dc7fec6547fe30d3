package io.punchsim.cli;

import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.precision.PrecisionStop;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;

/** After the summary of a precision run: the rule, how many points reached it, and each point that did not. */
final class PrecisionLines {
    private PrecisionLines() {}

    static void print(SweepReport report, PrintStream out) {
        if (report.precision().isEmpty()) {
            return;
        }
        Precision precision = report.precision().get();
        Map<PrecisionStop.Reason, Integer> counts = new EnumMap<>(PrecisionStop.Reason.class);
        report.points().forEach(p -> counts.merge(p.stop().orElseThrow().reason(), 1, Integer::sum));
        out.println("Precision: " + precision.describe() + "; " + counts.getOrDefault(PrecisionStop.Reason.PRECISE, 0) + " of "
                + report.points().size() + " point(s) precise (the runs column is the seeds each needed)");
        for (SweepPoint p : report.points()) {
            PrecisionStop stop = p.stop().orElseThrow();
            if (stop.reason() != PrecisionStop.Reason.PRECISE) {
                StringBuilder widths = new StringBuilder();
                for (Metric m : precision.metrics()) {
                    widths.append(widths.length() == 0 ? "" : ", ").append(m.key()).append(" ±")
                            .append(Precision.percent(Math.round(Precision.halfWidth(m, p.aggregate()) * 1e6) / 1e6));
                }
                out.println("  " + (p.label().isEmpty() ? "(base)" : p.label()) + ": stopped at " + stop.reason().key() + " after "
                        + stop.seeds() + " seeds (" + widths + ")");
            }
        }
    }
}
