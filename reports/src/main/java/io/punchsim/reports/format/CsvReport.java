package io.punchsim.reports.format;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Measurement;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.metric.Unit;
import io.punchsim.reports.stats.Proportion;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.csv}: one row per sweep point, axis columns first, then every registered metric.
 * A column is named after the metric's key ({@code -} becomes {@code _}); a rate has four
 * ({@code _count}, the rate, {@code _lower95}, {@code _upper95}); times are in milliseconds
 * ({@code _ms}); an absent value is an empty cell.
 */
public final class CsvReport {

    private CsvReport() {
    }

    public static String write(SweepReport report) {
        List<String> header = new ArrayList<>();
        report.scenario().axes().stream().map(a -> Escape.csv(a.name())).forEach(header::add);
        header.add("runs");
        for (Metric m : Metrics.all()) {
            header.addAll(columns(m));
        }
        header.addAll(List.of("digest", "gates_failed"));
        StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
        for (SweepPoint p : report.points()) {
            List<String> row = new ArrayList<>();
            p.parameters().values().forEach(v -> row.add(Escape.csv(v)));
            PointAggregate a = p.aggregate();
            row.add(Long.toString(a.runs()));
            for (Metric m : Metrics.all()) {
                cells(m, m.measure(a), row);
            }
            row.add(a.digest().hex());
            row.add(Long.toString(p.verdicts().stream().filter(v -> !v.passed()).count()));
            out.append(String.join(",", row)).append('\n');
        }
        return out.toString();
    }

    static List<String> columns(Metric m) {
        String name = m.key().replace('-', '_');
        if (m.isRate()) {
            return List.of(name + "_count", name, name + "_lower95", name + "_upper95");
        }
        return List.of(m.unit() == Unit.NANOSECONDS ? name + "_ms" : name);
    }

    private static void cells(Metric m, Measurement measurement, List<String> row) {
        if (measurement instanceof Measurement.Share share) {
            Proportion r = share.proportion();
            row.add(Long.toString(r.successes()));
            row.add(Text.decimal(r.estimate(), 6));
            row.add(Text.decimal(r.lower(), 6));
            row.add(Text.decimal(r.upper(), 6));
        } else if (!measurement.present()) {
            row.add("");
        } else if (m.unit() == Unit.NANOSECONDS) {
            row.add(Text.decimal(measurement.value() / 1e6, 3));
        } else {
            row.add(Text.decimal(measurement.value(), 3));
        }
    }
}
