package io.punchsim.reports.format;

import io.punchsim.reports.aggregate.NatPair;
import io.punchsim.reports.aggregate.OutcomeCounts;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/** {@code report.md}: a summary sized for a pull-request comment or a CI step summary. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String write(SweepReport report) {
        StringBuilder md = new StringBuilder();
        md.append("## punchsim sweep: ").append(Escape.markdown(report.scenario().name())).append("\n\n");
        List<String> failures = report.failures();
        long checks = report.points().stream().mapToLong(p -> p.verdicts().size()).sum();
        if (report.partial()) {
            // Never "all passed" for a sweep cut short: what did not run was not judged.
            md.append("> **Partial results, ").append(Escape.markdown(report.interruption())).append(".**\n\n");
            if (!report.gates().isEmpty()) {
                md.append(failures.isEmpty()
                        ? "**Gates: not judged** on the points that did not run; none of the " + checks + " checks on what ran failed.\n\n"
                        : "**Gates: " + failures.size() + " of " + checks + " checks FAILED** on what ran; the points that did not run"
                                + " were not judged.\n\n");
            }
        } else if (report.gates().isEmpty()) {
            md.append("No gates.\n\n");
        } else if (failures.isEmpty()) {
            md.append("**Gates: all ").append(checks).append(" checks passed** (").append(report.gates().size())
                    .append(" gate(s) × ").append(report.points().size()).append(" point(s)).\n\n");
        } else {
            md.append("**Gates: ").append(failures.size()).append(" of ").append(checks).append(" checks FAILED.**\n\n");
        }
        md.append(report.points().size()).append(" point(s), ").append(report.totalRuns())
                .append(" runs; scenario digest `").append(report.scenario().contentDigest()).append("`. Rates with Wilson 95% intervals; ")
                .append("connect times from K1 over connected runs.\n\n");
        report.precision().ifPresent(p -> PrecisionText.markdown(md, report, p));
        pointsTable(md, report);
        if (!failures.isEmpty()) {
            md.append("\n### Failed gates\n\n");
            failures.forEach(f -> md.append("- ").append(Escape.markdown(f)).append('\n'));
        }
        if (!report.gates().isEmpty()) {
            md.append("\n<details><summary>Gates</summary>\n\n");
            report.gates().forEach(g -> md.append("- `").append(g.describe()).append("`\n"));
            md.append("\n</details>\n");
        }
        md.append("\n<details><summary>NAT-pair matrix (all points pooled)</summary>\n\n");
        natMatrix(md, report.pooled().natPairs());
        md.append("\n</details>\n");
        md.append("\n<sub>").append(Text.decimal(report.wallClock().durationSeconds(), 2)).append(" s, ")
                .append(Text.decimal(report.wallClock().runsPerSecond(), 0)).append(" runs/s on ")
                .append(report.wallClock().threads()).append(" thread(s)</sub>\n");
        return md.toString();
    }

    private static void pointsTable(StringBuilder md, SweepReport report) {
        metricsTable(md, report, Metrics.summary(), true);
        List<Metric> more = Metrics.beyondSummary();
        if (!more.isEmpty()) {
            md.append("\n<details><summary>More metrics</summary>\n\n");
            metricsTable(md, report, more, false);
            md.append("\n</details>\n");
        }
    }

    // One row per point: its parameters, then one column per metric.
    private static void metricsTable(StringBuilder md, SweepReport report, List<Metric> metrics, boolean withRunsAndGates) {
        StringBuilder header = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        report.scenario().axes().forEach(a -> {
            header.append(' ').append(Escape.markdownCell(a.name())).append(" |");
            rule.append("---|");
        });
        if (withRunsAndGates) {
            header.append(" runs |");
            rule.append("--:|");
        }
        for (Metric m : metrics) {
            header.append(' ').append(Escape.markdownCell(m.label())).append(" |");
            rule.append("--:|");
        }
        if (withRunsAndGates) {
            header.append(" gates |");
            rule.append(":-:|");
        }
        md.append(header).append('\n').append(rule).append('\n');
        for (SweepPoint p : report.points()) {
            PointAggregate a = p.aggregate();
            md.append('|');
            p.parameters().values().forEach(v -> md.append(' ').append(Escape.markdownCell(v)).append(" |"));
            if (withRunsAndGates) {
                md.append(' ').append(a.runs()).append(report.complete(p) ? "" : " of " + report.plan().runsPerPoint()).append(" |");
            }
            for (Metric m : metrics) {
                md.append(' ').append(Text.human(m, m.measure(a))).append(" |");
            }
            if (withRunsAndGates) {
                md.append(p.verdicts().isEmpty() ? " – |" : p.passed() ? " pass |" : " **FAIL** |");
            }
            md.append('\n');
        }
    }

    static void natMatrix(StringBuilder md, SortedMap<NatPair, OutcomeCounts> pairs) {
        if (pairs.isEmpty()) {
            md.append("No runs.\n");
            return;
        }
        TreeSet<String> hosts = new TreeSet<>();
        TreeSet<String> clients = new TreeSet<>();
        pairs.keySet().forEach(p -> {
            hosts.add(p.hostNat());
            clients.add(p.clientNat());
        });
        md.append("| host \\ client |");
        clients.forEach(c -> md.append(' ').append(Escape.markdownCell(c)).append(" |"));
        md.append("\n|---|");
        clients.forEach(c -> md.append("---|"));
        md.append('\n');
        for (String host : hosts) {
            md.append("| ").append(Escape.markdownCell(host)).append(" |");
            for (String client : clients) {
                OutcomeCounts c = pairs.get(new NatPair(host, client));
                if (c == null) {
                    md.append(" |");
                } else {
                    md.append(" D ").append(Text.percent(c.rate(Outcome.DIRECT).estimate())).append(" · R ")
                            .append(Text.percent(c.rate(Outcome.RELAYED).estimate())).append(" · F ")
                            .append(Text.percent(c.rate(Outcome.FAILED).estimate())).append(" (n=").append(c.runs()).append(") |");
                }
            }
            md.append('\n');
        }
    }
}
