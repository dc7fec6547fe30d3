package io.punchsim.cli;

import io.punchsim.reports.metric.Metric;
import io.punchsim.scenarios.tune.Objective;
import io.punchsim.scenarios.tune.TuneParameter;
import io.punchsim.scenarios.tune.TuneResult;
import io.punchsim.scenarios.tune.TuneText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What {@code punchsim tune} prints: the front as a table, the recommended setting with its reason, the cost. */
final class TuneConsole {
    private TuneConsole() {}

    static void print(TuneResult r, PrintStream out) {
        Set<Metric> metrics = new LinkedHashSet<>();
        r.spec().objectives().forEach(o -> metrics.add(o.metric()));
        r.spec().constraints().forEach(c -> metrics.add(c.metric()));
        String axis = r.spec().frontAxis();
        List<String> header = new ArrayList<>(List.of("#"));
        for (TuneParameter p : r.spec().parameters()) {
            header.add(p.path().startsWith(axis + ".") ? p.path().substring(axis.length() + 1) : p.path());
        }
        header.add("seeds");
        metrics.forEach(m -> header.add(m.key()));
        List<List<String>> rows = new ArrayList<>();
        for (TuneResult.Evaluated c : r.frontCandidates()) {
            boolean chosen = r.choice().isPresent() && r.choice().get() == c.index();
            List<String> row = new ArrayList<>(List.of((chosen ? "*" : "") + c.index()));
            row.addAll(c.parameters().values());
            row.add(Long.toString(c.seeds()));
            metrics.forEach(m -> row.add(TuneText.compact(m, c.aggregate())));
            rows.add(row);
        }
        out.println("Front: " + r.front().size() + (r.front().size() == 1 ? " setting" : " settings") + " that no other beats on "
                + String.join(", ", r.spec().objectives().stream().map(Objective::describe).toList())
                + (r.spec().constraints().isEmpty() ? "" : ", under " + TuneText.constraints(r.spec().constraints()))
                + " (95% intervals; * recommended)");
        if (!rows.isEmpty()) {
            int[] widths = new int[header.size()];
            List<List<String>> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (List<String> row : all) {
                for (int c = 0; c < row.size(); c++) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            for (List<String> row : all) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < row.size(); c++) {
                    String text = row.get(c);
                    String pad = " ".repeat(widths[c] - text.length());
                    boolean right = c == 0 || header.get(c).equals("seeds");
                    line.append(c == 0 ? "" : "  ").append(right ? pad + text : text + pad);
                }
                out.println(line.toString().stripTrailing());
            }
        }
        out.println((r.choice().isPresent() ? "Recommended: " : "No recommendation: ") + r.reason() + ".");
        if (r.mode() == io.punchsim.scenarios.tune.Tuner.Mode.FULL_GRID) {
            out.println(String.format(Locale.ROOT, "Full grid: %d candidates to the precision, %,d runs in %.1f s.", r.gridSize(),
                    r.runs(), r.wallClock().durationSeconds()));
        } else {
            out.println(String.format(Locale.ROOT, "Race: %d of %d candidates evaluated in %d rounds, %,d runs in %.1f s; %s.",
                    r.candidates().size(), r.gridSize(), r.rounds(), r.runs(), r.wallClock().durationSeconds(),
                    switch (r.stoppedBecause()) {
                        case SETTLED -> "settled";
                        case BUDGET -> "the budget ran out";
                        case INTERRUPTED -> "interrupted";
                    }));
        }
    }
}
