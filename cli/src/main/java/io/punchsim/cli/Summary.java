package io.punchsim.cli;

import io.punchsim.reports.metric.Measurement;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.metric.Unit;
import io.punchsim.reports.stats.Proportion;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compact table a sweep prints: one line per point, one column per summary metric of the
 * registry. A sweep's points are numbered (the K of {@code --point K}) and each axis is a column of
 * its own, headed by its key path, so every value shows in full however long it is.
 */
final class Summary {
    private Summary() {}

    static void print(SweepReport report, PrintStream out) {
        print(report, java.util.stream.IntStream.rangeClosed(1, report.points().size()).boxed().toList(), out);
    }

    /** The table with each point numbered as given: its place in the file's grid, 1-based. */
    static void print(SweepReport report, List<Integer> numbers, PrintStream out) {
        List<Metric> metrics = Metrics.summary();
        List<String> axes = report.points().isEmpty() ? List.of() : List.copyOf(report.points().get(0).parameters().keySet());
        List<String> header = new ArrayList<>();
        header.add("point");
        header.addAll(axes);
        header.add("runs");
        int firstMetric = header.size();
        metrics.forEach(m -> header.add(heading(m)));
        header.add("gates");
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < report.points().size(); p++) {
            SweepPoint point = report.points().get(p);
            String number = p < numbers.size() ? Integer.toString(numbers.get(p)) : "?";
            List<String> row = new ArrayList<>();
            row.add(axes.isEmpty() ? point.label() : number);
            axes.forEach(axis -> row.add(point.parameters().getOrDefault(axis, "")));
            row.add(Long.toString(point.aggregate().runs()));
            metrics.forEach(m -> row.add(cell(m, m.measure(point.aggregate()))));
            row.add(point.verdicts().isEmpty() ? "-" : point.passed() ? "pass" : "FAIL");
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : concat(header, rows)) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : concat(header, rows)) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                // Names and intervals read left to right; single numbers line up on the right.
                boolean left = (c == 0 && axes.isEmpty()) || (c > 0 && c <= axes.size()) || c == row.size() - 1
                        || (c >= firstMetric && metrics.get(c - firstMetric).isRate());
                String text = row.get(c);
                String pad = " ".repeat(widths[c] - text.length());
                line.append(c == 0 ? "" : "  ").append(left ? text + pad : pad + text);
            }
            out.println(line.toString().stripTrailing());
        }
        double seconds = report.wallClock().durationSeconds();
        // A session of several clients is one seed and as many runs as clients.
        String sessions = report.totalSeeds() == report.totalRuns() ? ""
                : String.format(Locale.ROOT, " (%,d sessions)", report.totalSeeds());
        out.println(String.format(Locale.ROOT, "%,d runs%s in %.1f s (%,.0f runs/s)", report.totalRuns(), sessions, seconds,
                report.totalRuns() / Math.max(1e-9, seconds)));
    }

    private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static String heading(Metric m) {
        if (m.isRate()) {
            return m.label() + " (95% CI)";
        }
        return m.label() + (m.unit() == Unit.NANOSECONDS ? " s" : "");
    }

    // Fractions to 4 places, times in seconds to the millisecond.
    private static String cell(Metric m, Measurement measurement) {
        if (measurement instanceof Measurement.Share share) {
            Proportion p = share.proportion();
            return String.format(Locale.ROOT, "%.4f [%.4f,%.4f]", p.estimate(), p.lower(), p.upper());
        }
        if (!measurement.present()) {
            return "-";
        }
        double value = m.unit().toReported(measurement.value());
        return m.unit() == Unit.NANOSECONDS ? String.format(Locale.ROOT, "%.3f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
