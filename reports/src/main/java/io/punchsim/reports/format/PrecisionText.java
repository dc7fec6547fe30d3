package io.punchsim.reports.format;

import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.precision.PrecisionStop;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.util.EnumMap;
import java.util.Map;

/** The precision section of {@code report.md} and {@code report.html}: the rule, and each point's seeds and why it stopped. */
final class PrecisionText {

    private PrecisionText() {
    }

    /** e.g. {@code 3 precise, 1 at max-seeds}. */
    static String counts(SweepReport report) {
        Map<PrecisionStop.Reason, Integer> counts = new EnumMap<>(PrecisionStop.Reason.class);
        report.points().forEach(p -> counts.merge(p.stop().orElseThrow().reason(), 1, Integer::sum));
        StringBuilder text = new StringBuilder();
        counts.forEach((reason, n) -> text.append(text.length() == 0 ? "" : ", ").append(n).append(' ').append(switch (reason) {
            case PRECISE -> "precise";
            case MAX_SEEDS -> "at max-seeds";
            case INTERRUPTED -> "interrupted";
        }));
        return text.length() == 0 ? "no points" : text.toString();
    }

    static void markdown(StringBuilder md, SweepReport report, Precision precision) {
        md.append("**Precision:** every point ran ").append(precision.describe())
                .append("; ").append(counts(report)).append(".\n\n");
        md.append("<details><summary>Seeds per point</summary>\n\n| point | seeds | batches | stopped because |");
        precision.metrics().forEach(m -> md.append(' ').append(Escape.markdownCell(m.label())).append(" ± |"));
        md.append("\n|---|--:|--:|---|");
        precision.metrics().forEach(m -> md.append("--:|"));
        md.append('\n');
        for (SweepPoint p : report.points()) {
            PrecisionStop stop = p.stop().orElseThrow();
            md.append("| ").append(Escape.markdownCell(p.label())).append(" | ").append(stop.seeds()).append(" | ").append(stop.batches())
                    .append(" | ").append(stop.reason().key()).append(" |");
            for (Metric m : precision.metrics()) {
                md.append(' ').append(Text.percent2(Precision.halfWidth(m, p.aggregate()))).append(" |");
            }
            md.append('\n');
        }
        md.append("\n</details>\n\n");
    }

    static void html(StringBuilder h, SweepReport report, Precision precision) {
        h.append("<h2>Precision</h2>\n<p>Every point ran ").append(Escape.xml(precision.describe())).append("; ")
                .append(counts(report)).append(".</p>\n<table class=\"precision\"><tr><th class=\"l\">point</th><th>seeds</th>")
                .append("<th>batches</th><th class=\"l\">stopped because</th>");
        precision.metrics().forEach(m -> h.append("<th>").append(Escape.xml(m.label())).append(" ±</th>"));
        h.append("</tr>\n");
        for (SweepPoint p : report.points()) {
            PrecisionStop stop = p.stop().orElseThrow();
            h.append("<tr><td class=\"l\">").append(Escape.xml(p.label())).append("</td><td>").append(stop.seeds()).append("</td><td>")
                    .append(stop.batches()).append("</td><td class=\"l\">").append(stop.reason().key()).append("</td>");
            for (Metric m : precision.metrics()) {
                h.append("<td>").append(Text.percent2(Precision.halfWidth(m, p.aggregate()))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }
}
