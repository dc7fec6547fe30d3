package io.punchsim.reports.format;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.GateVerdict;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.GamePath;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.stats.Percentile;
import io.punchsim.reports.sweep.SweepAxis;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code report.html}: one self-contained page (inline CSS, inline SVG, no script, nothing fetched),
 * so it opens from a CI artefact or a mail attachment.
 */
public final class HtmlReport {

    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222;max-width:1200px}
            h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:8px 0;font-size:13px}
            th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}th{background:#f3f3f3}
            td.l,th.l{text-align:left}.pass{color:#1a7f37;font-weight:600}.fail{color:#c62828;font-weight:600}
            .note{background:#fff4e5;border:1px solid #f0b429;padding:6px 10px}
            svg.chart{display:block;margin:8px 0;background:#fff;border:1px solid #eee}
            details{margin:6px 0}code{background:#f3f3f3;padding:0 3px}
            """;

    private HtmlReport() {
    }

    public static String write(SweepReport report) {
        StringBuilder h = new StringBuilder();
        head(h, "punchsim sweep: " + report.scenario().name());
        h.append("<h1>punchsim sweep: ").append(Escape.xml(report.scenario().name())).append("</h1>\n");
        h.append("<p>Scenario digest <code>").append(Escape.xml(report.scenario().contentDigest())).append("</code>, ")
                .append(report.points().size()).append(" point(s), ").append(report.totalRuns()).append(" runs. Intervals are Wilson 95%.</p>\n");
        if (report.partial()) {
            h.append("<p class=\"note\">Partial results, ").append(Escape.xml(report.interruption())).append(".</p>\n");
        }
        gates(h, report);
        report.precision().ifPresent(p -> PrecisionText.html(h, report, p));
        points(h, report);

        h.append("<h2>Rates by swept parameter</h2>\n");
        if (report.scenario().axes().isEmpty()) {
            SweepAxis all = new SweepAxis("(no sweep)", List.of("all runs"));
            h.append(SvgCharts.rates(all.name(), all.values(), List.<io.punchsim.reports.stats.Proportion[]>of(MarginalRates.of(report.pooled().outcomes()))));
        } else {
            for (SweepAxis axis : report.scenario().axes()) {
                if (report.scenario().axes().size() > 1) {
                    h.append("<p>").append(Escape.xml(axis.name())).append(": counts pooled over the other axes.</p>\n");
                }
                h.append(SvgCharts.rates(axis.name(), axis.values(), MarginalRates.along(report, axis)));
            }
        }

        sessions(h, report);

        PointAggregate pooled = report.pooled();
        h.append("<h2>Connect time by outcome</h2>\n<p>From K1, all points pooled.</p>\n");
        Map<Outcome, Histogram> byOutcome = new EnumMap<>(Outcome.class);
        byOutcome.put(Outcome.DIRECT, pooled.connectTimeFromK1(Outcome.DIRECT));
        byOutcome.put(Outcome.RELAYED, pooled.connectTimeFromK1(Outcome.RELAYED));
        h.append(SvgCharts.connectTimes(byOutcome));

        h.append("<h2>NAT-pair matrix</h2>\n<p>Rows: host NAT, columns: client NAT; colour: direct rate; all points pooled.</p>\n");
        h.append(SvgCharts.natPairs(pooled.natPairs()));

        h.append("<h2>Details per point</h2>\n");
        for (SweepPoint p : report.points()) {
            details(h, p);
        }
        wallClock(h, report.wallClock());
        return h.append("</body>\n</html>\n").toString();
    }

    /** The axis that sweeps the number of clients of a session. */
    static final String CLIENTS_AXIS = "session.clients";

    /**
     * With {@code session.clients} swept: the session rates and the relayed bytes per session at each
     * number of clients, pooled over the other axes.
     */
    private static void sessions(StringBuilder h, SweepReport report) {
        for (SweepAxis axis : report.scenario().axes()) {
            if (!axis.name().equals(CLIENTS_AXIS)) {
                continue;
            }
            List<PointAggregate> pooled = MarginalRates.pooledAlong(report, axis);
            h.append("<h2>Sessions by number of clients</h2>\n<p>Each seed is one session: its host and ")
                    .append(Escape.xml(CLIENTS_AXIS)).append(" clients")
                    .append(report.scenario().axes().size() > 1 ? ", pooled over the other axes" : "").append(".</p>\n");
            List<Metric> rates = Metrics.all().stream().filter(m -> Metrics.ofSessions(m) && m.isRate()).toList();
            List<String> colours = List.of(SvgCharts.OUTCOME_COLOURS).subList(0, rates.size());
            h.append(SvgCharts.metrics("chart chart-session-rates", "Session outcomes by " + axis.name(), axis.name(), axis.values(),
                    rates, pooled, colours));
            h.append(SvgCharts.metrics("chart chart-session-relayed-bytes", "Relayed bytes per session by " + axis.name(), axis.name(),
                    axis.values(), List.of(Metrics.RELAYED_BYTES_PER_SESSION), pooled,
                    List.of(SvgCharts.OUTCOME_COLOURS[Outcome.RELAYED.ordinal()])));
        }
    }

    static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(Escape.xml(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static void gates(StringBuilder h, SweepReport report) {
        h.append("<h2>Gates</h2>\n");
        if (report.gates().isEmpty()) {
            h.append("<p>No gates.</p>\n");
            return;
        }
        List<String> failures = report.failures();
        if (report.partial()) {
            // Never "all passed" for a sweep cut short: what did not run was not judged.
            h.append(failures.isEmpty() ? "<p class=\"note\">Not judged on the points that did not run; no check failed on what ran.</p>\n"
                    : "<p class=\"fail\">" + failures.size() + " gate check(s) failed on what ran; the points that did not run were not judged.</p>\n");
        } else {
            h.append(failures.isEmpty() ? "<p class=\"pass\">All gates passed on every point.</p>\n"
                    : "<p class=\"fail\">" + failures.size() + " gate check(s) failed.</p>\n");
        }
        h.append("<table class=\"gates\"><tr><th class=\"l\">point</th><th class=\"l\">gate</th><th>result</th><th class=\"l\">detail</th></tr>\n");
        for (SweepPoint p : report.points()) {
            for (GateVerdict v : p.verdicts()) {
                h.append("<tr><td class=\"l\">").append(Escape.xml(p.label())).append("</td><td class=\"l\">").append(Escape.xml(v.gate().describe()))
                        .append("</td><td class=\"").append(v.passed() ? "pass\">pass" : "fail\">FAIL").append("</td><td class=\"l\">")
                        .append(Escape.xml(v.message())).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static void points(StringBuilder h, SweepReport report) {
        h.append("<h2>Points</h2>\n<p>Rates with Wilson 95% intervals; connect times (p50 to max) from K1 over connected runs.</p>\n");
        metricsTable(h, report, "points", Metrics.summary(), true);
        List<Metric> more = Metrics.beyondSummary();
        if (!more.isEmpty()) {
            h.append("<p>More metrics:</p>\n");
            metricsTable(h, report, "metrics", more, false);
        }
    }

    // One row per point: its parameters, then one column per metric.
    private static void metricsTable(StringBuilder h, SweepReport report, String cssClass, List<Metric> metrics, boolean withRunsAndGates) {
        h.append("<table class=\"").append(cssClass).append("\"><tr>");
        report.scenario().axes().forEach(a -> h.append("<th class=\"l\">").append(Escape.xml(a.name())).append("</th>"));
        if (withRunsAndGates) {
            h.append("<th>runs</th>");
        }
        for (Metric m : metrics) {
            h.append("<th title=\"").append(Escape.xml(m.key() + ": " + m.meaning())).append("\">").append(Escape.xml(m.label())).append("</th>");
        }
        if (withRunsAndGates) {
            h.append("<th>gates</th>");
        }
        h.append("</tr>\n");
        for (SweepPoint p : report.points()) {
            PointAggregate a = p.aggregate();
            h.append("<tr>");
            p.parameters().values().forEach(v -> h.append("<td class=\"l\">").append(Escape.xml(v)).append("</td>"));
            if (withRunsAndGates) {
                h.append("<td>").append(a.runs()).append(report.complete(p) ? "" : " of " + report.plan().runsPerPoint()).append("</td>");
            }
            for (Metric m : metrics) {
                h.append("<td>").append(Escape.xml(Text.human(m, m.measure(a)))).append("</td>");
            }
            if (withRunsAndGates) {
                h.append(p.verdicts().isEmpty() ? "<td>–</td>" : p.passed() ? "<td class=\"pass\">pass</td>" : "<td class=\"fail\">FAIL</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void details(StringBuilder h, SweepPoint p) {
        PointAggregate a = p.aggregate();
        h.append("<details><summary>").append(Escape.xml(p.label())).append(" (").append(a.runs()).append(" runs, digest <code>")
                .append(a.digest().hex()).append("</code>)</summary>\n");
        h.append("<table><tr><th class=\"l\">connect time from K1</th><th>n</th>");
        percentileHeadings(h);
        for (Outcome o : new Outcome[] {Outcome.DIRECT, Outcome.RELAYED}) {
            Histogram c = a.connectTimeFromK1(o);
            h.append("<tr><td class=\"l\">").append(o.label()).append("</td><td>").append(c.getTotalCount()).append("</td>");
            for (Percentile q : Percentile.values()) {
                h.append("<td>").append(Text.millis(q.of(c))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<table><tr><th class=\"l\">failure reason</th><th>runs</th></tr>\n");
        for (FailureReason r : FailureReason.values()) {
            if (r != FailureReason.NONE) {
                h.append("<tr><td class=\"l\">").append(r.name()).append("</td><td>").append(a.failures(r)).append("</td></tr>\n");
            }
        }
        h.append("</table>\n<table><tr><th class=\"l\">succeeding attempt</th>");
        long[] attempts = a.attemptIndexCounts();
        for (int i = 0; i < attempts.length; i++) {
            h.append("<th>").append(i).append("</th>");
        }
        h.append("</tr><tr><td class=\"l\">runs</td>");
        for (long n : attempts) {
            h.append("<td>").append(n).append("</td>");
        }
        h.append("</tr></table>\n<table><tr><th class=\"l\">per run</th>");
        percentileHeadings(h);
        perRunRow(h, "packets sent", a.packetsPerRun());
        perRunRow(h, "bytes sent", a.bytesPerRun());
        perRunRow(h, "bytes relayed", a.relayedBytesPerRun());
        h.append("</table>\n<table><tr><th class=\"l\">game RTT</th><th>runs</th><th>samples</th><th>mean</th><th>max</th></tr>\n");
        for (GamePath path : GamePath.values()) {
            var rtt = a.rtt(path);
            h.append("<tr><td class=\"l\">").append(path.name().toLowerCase(java.util.Locale.ROOT)).append("</td><td>").append(rtt.runs())
                    .append("</td><td>").append(rtt.samples()).append("</td><td>")
                    .append(Text.millis(rtt.samples() == 0 ? -1 : Math.round(rtt.meanNanos()))).append("</td><td>")
                    .append(Text.millis(rtt.samples() == 0 ? -1 : rtt.maxNanos())).append("</td></tr>\n");
        }
        h.append("</table>\n</details>\n");
    }

    private static void percentileHeadings(StringBuilder h) {
        for (Percentile q : Percentile.values()) {
            h.append("<th>").append(q.label()).append("</th>");
        }
        h.append("</tr>\n");
    }

    private static void perRunRow(StringBuilder h, String name, Histogram perRun) {
        h.append("<tr><td class=\"l\">").append(name).append("</td>");
        for (Percentile q : Percentile.values()) {
            long v = q.of(perRun);
            h.append("<td>").append(v < 0 ? "–" : Long.toString(v)).append("</td>");
        }
        h.append("</tr>\n");
    }

    static void wallClock(StringBuilder h, WallClock w) {
        h.append("<h2>Wall clock</h2>\n<p>").append(Text.decimal(w.durationSeconds(), 2)).append(" s, ")
                .append(Text.decimal(w.runsPerSecond(), 0)).append(" runs/s, ").append(w.threads()).append(" thread(s) on ")
                .append(w.processors()).append(" processor(s); ").append(Escape.xml(w.jvm())).append("; ").append(Escape.xml(w.os()))
                .append(".</p>\n");
    }
}
