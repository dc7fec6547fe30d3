package io.punchsim.reports.format;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.TrafficKind;
import io.punchsim.reports.stats.Proportion;
import io.punchsim.reports.sweep.SweepAxis;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** {@code report.csv}: one row per sweep point, axis columns first; times in milliseconds. */
public final class CsvReport {

    private CsvReport() {
    }

    public static String write(SweepReport report) {
        List<String> header = new ArrayList<>();
        report.scenario().axes().stream().map(SweepAxis::name).forEach(header::add);
        header.add("runs");
        for (String r : new String[] {"direct", "relayed", "failed", "success"}) {
            header.addAll(List.of(r, r + "_rate", r + "_lower95", r + "_upper95"));
        }
        header.addAll(List.of("connect_p50_ms", "connect_p90_ms", "connect_p95_ms", "connect_p99_ms", "connect_max_ms",
                "packets_per_run_mean", "bytes_per_run_mean", "relayed_bytes_per_run_mean", "digest", "gates_failed"));
        StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
        for (SweepPoint p : report.points()) {
            List<String> row = new ArrayList<>();
            p.parameters().values().forEach(v -> row.add(Text.csv(v)));
            PointAggregate a = p.aggregate();
            row.add(Long.toString(a.runs()));
            for (Proportion r : new Proportion[] {a.rate(Outcome.DIRECT), a.rate(Outcome.RELAYED), a.rate(Outcome.FAILED), a.successRate()}) {
                row.add(Long.toString(r.successes()));
                row.add(Text.decimal(r.estimate(), 6));
                row.add(Text.decimal(r.lower(), 6));
                row.add(Text.decimal(r.upper(), 6));
            }
            Histogram connect = a.connectTimeFromK1();
            for (double q : new double[] {50, 90, 95, 99}) {
                row.add(connect.getTotalCount() == 0 ? "" : Text.decimal(connect.getValueAtPercentile(q) / 1e6, 3));
            }
            row.add(connect.getTotalCount() == 0 ? "" : Text.decimal(connect.getMaxValue() / 1e6, 3));
            long packets = 0;
            long bytes = 0;
            for (TrafficKind k : TrafficKind.values()) {
                packets += a.packetsSent(k);
                bytes += a.bytesSent(k);
            }
            row.add(perRun(packets, a.runs()));
            row.add(perRun(bytes, a.runs()));
            row.add(perRun(a.relayedBytes(), a.runs()));
            row.add(a.digest().hex());
            row.add(Long.toString(p.verdicts().stream().filter(v -> !v.passed()).count()));
            out.append(String.join(",", row)).append('\n');
        }
        return out.toString();
    }

    private static String perRun(long total, long runs) {
        return runs == 0 ? "" : Text.decimal((double) total / runs, 3);
    }
}
