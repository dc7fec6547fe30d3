package io.punchsim.scenarios.tune;

import io.punchsim.reports.format.Escape;
import io.punchsim.reports.format.ReportWriter;
import io.punchsim.reports.metric.Better;
import io.punchsim.reports.metric.Interval;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tune's files for people and tools: {@code tune.json}, {@code tune.md} (with {@code front.svg}),
 * {@code tune.html} (self-contained) and {@code front.yaml}. The scatter plots the candidates on two
 * metrics with their 95% interval bars, the front and the choice marked; the tables hold the rest.
 */
public final class TuneReport {

    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222;max-width:1200px}
            h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:8px 0;font-size:13px}
            th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}th{background:#f3f3f3}
            td.l,th.l{text-align:left}.choice{background:#fff4e5;font-weight:600}
            .note{background:#fff4e5;border:1px solid #f0b429;padding:6px 10px}
            svg.scatter{display:block;margin:8px 0;background:#fff;border:1px solid #eee}
            details{margin:6px 0}code{background:#f3f3f3;padding:0 3px}
            """;

    private TuneReport() {
    }

    /** Every file, by name, in writing order; {@code front.yaml} only when the front has a point. */
    public static Map<String, String> render(TuneResult r) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("tune.json", TuneJson.write(r));
        files.put("tune.md", markdown(r));
        files.put("tune.html", html(r));
        files.put("front.svg", svg(r));
        FrontYaml.write(r).ifPresent(text -> files.put("front.yaml", text));
        return files;
    }

    /** Writes every file into {@code directory}, none half-written. */
    public static List<Path> write(Path directory, TuneResult r) throws IOException {
        return ReportWriter.writeAll(directory, render(r));
    }

    // ---- shared ----

    /** The metrics the tables show: the objectives, then the constraints' metrics not among them. */
    static List<Metric> shown(TuneResult r) {
        Set<Metric> metrics = new LinkedHashSet<>();
        r.spec().objectives().forEach(o -> metrics.add(o.metric()));
        r.spec().constraints().forEach(c -> metrics.add(c.metric()));
        return List.copyOf(metrics);
    }

    /** A tuned key as a column heading: without the section they share. */
    static String heading(TuneResult r, String path) {
        String axis = r.spec().frontAxis();
        return path.startsWith(axis + ".") ? path.substring(axis.length() + 1) : path;
    }

    static String summary(TuneResult r) {
        StringBuilder s = new StringBuilder();
        if (r.mode() == Tuner.Mode.FULL_GRID) {
            s.append("Full grid: every one of the ").append(r.gridSize()).append(" candidates run to the precision, ");
        } else {
            s.append("Race: ").append(r.candidates().size()).append(" of the ").append(r.gridSize())
                    .append(" candidates evaluated in ").append(r.rounds()).append(" rounds, ");
        }
        s.append(String.format(Locale.ROOT, "%,d runs", r.runs()));
        r.budget().ifPresent(b -> s.append(String.format(Locale.ROOT, " of a budget of %,d", b)));
        s.append("; ").append(switch (r.stoppedBecause()) {
            case SETTLED -> "it settled: every candidate was done or ruled out";
            case BUDGET -> "the budget ran out, so candidates still running were cut short";
            case INTERRUPTED -> "it was interrupted: these are partial results";
        }).append('.');
        return s.toString();
    }

    static String rules(TuneResult r) {
        String objectives = r.spec().objectives().stream().map(Objective::describe).collect(Collectors.joining(", "));
        String constraints = r.spec().constraints().isEmpty() ? "none"
                : TuneText.constraints(r.spec().constraints());
        return "Objectives: " + objectives + ". Constraints: " + constraints + ". Choice: " + r.spec().choice().describe()
                + ". Precision: " + r.precision().describe() + ".";
    }

    // ---- tune.md ----

    static String markdown(TuneResult r) {
        StringBuilder md = new StringBuilder();
        md.append("## punchsim tune: ").append(Escape.markdown(r.scenario())).append("\n\n");
        md.append(r.choice().isPresent() ? "**Recommended:** " : "**No recommendation:** ").append(Escape.markdownCell(r.reason()))
                .append(".\n\n");
        md.append(summary(r)).append("\n\n").append(rules(r)).append("\n\n");
        md.append("![").append(r.spec().plot().get(0).key()).append(" against ").append(r.spec().plot().get(1).key())
                .append(", every evaluated candidate with its 95% intervals](front.svg)\n\n");
        md.append("### Front: ").append(r.front().size()).append(r.front().size() == 1 ? " setting" : " settings")
                .append(", best first by ").append(r.spec().choice().metric().key()).append("\n\n");
        table(md, r, r.frontCandidates(), false);
        md.append("\n<details><summary>Every evaluated candidate (").append(r.candidates().size()).append(")</summary>\n\n");
        table(md, r, r.candidates(), true);
        md.append("\n</details>\n\n<sub>").append(String.format(Locale.ROOT, "%.1f s, %,.0f runs/s on %d thread(s)",
                r.wallClock().durationSeconds(), r.wallClock().runsPerSecond(), r.wallClock().threads())).append("</sub>\n");
        return md.toString();
    }

    private static void table(StringBuilder md, TuneResult r, List<TuneResult.Evaluated> rows, boolean all) {
        List<Metric> metrics = shown(r);
        md.append("| # |");
        r.spec().parameters().forEach(p -> md.append(' ').append(Escape.markdownCell(heading(r, p.path()))).append(" |"));
        md.append(" seeds |");
        metrics.forEach(m -> md.append(' ').append(m.key()).append(" |"));
        md.append(all ? " status | why |\n" : "\n");
        md.append("|--:|");
        r.spec().parameters().forEach(p -> md.append("---|"));
        md.append("--:|");
        metrics.forEach(m -> md.append("--:|"));
        md.append(all ? "---|---|\n" : "\n");
        for (TuneResult.Evaluated c : rows) {
            boolean chosen = r.choice().isPresent() && r.choice().get() == c.index();
            md.append("| ").append(chosen ? "**" + c.index() + "**" : Integer.toString(c.index())).append(" |");
            c.parameters().values().forEach(v -> md.append(' ').append(Escape.markdownCell(v)).append(" |"));
            md.append(' ').append(c.seeds()).append(" |");
            metrics.forEach(m -> md.append(' ').append(TuneText.compact(m, c.aggregate())).append(" |"));
            if (all) {
                String status = status(r, c);
                md.append(' ').append(status).append(" | ").append(Escape.markdownCell(c.why())).append(" |");
            }
            md.append('\n');
        }
    }

    /** {@code front}, or where the candidate ended, and whether its runs so far fail a constraint. */
    static String status(TuneResult r, TuneResult.Evaluated c) {
        if (r.front().contains(c.index())) {
            return "front";
        }
        return c.status().key() + (c.feasible() || c.status() == CandidateStatus.INFEASIBLE ? "" : " (fails a constraint)");
    }

    // ---- tune.html ----

    static String html(TuneResult r) {
        StringBuilder h = new StringBuilder();
        String title = "punchsim tune: " + r.scenario();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(Escape.xml(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(Escape.xml(title)).append("</h1>\n");
        if (r.partial()) {
            h.append("<p class=\"note\">The tune was interrupted: these are partial results.</p>\n");
        }
        h.append("<p><strong>").append(r.choice().isPresent() ? "Recommended:" : "No recommendation:").append("</strong> ")
                .append(Escape.xml(r.reason())).append(".</p>\n");
        h.append("<p>").append(Escape.xml(summary(r))).append("</p>\n<p>").append(Escape.xml(rules(r))).append("</p>\n");
        h.append("<h2>Front</h2>\n<p>Each candidate at its estimates, with its 95% intervals as bars: the front in blue, the recommended")
                .append(" setting ringed in red, other candidates grey, ruled-out ones pale.</p>\n");
        h.append(svg(r));
        htmlTable(h, r, r.frontCandidates(), false, "front");
        h.append("<h2>Every evaluated candidate</h2>\n");
        htmlTable(h, r, r.candidates(), true, "candidates");
        h.append("<h2>Wall clock</h2>\n<p>").append(String.format(Locale.ROOT, "%.2f s, %,.0f runs/s, %d thread(s) on %d processor(s); ",
                r.wallClock().durationSeconds(), r.wallClock().runsPerSecond(), r.wallClock().threads(), r.wallClock().processors()))
                .append(Escape.xml(r.wallClock().jvm())).append("; ").append(Escape.xml(r.wallClock().os())).append(".</p>\n");
        return h.append("</body>\n</html>\n").toString();
    }

    private static void htmlTable(StringBuilder h, TuneResult r, List<TuneResult.Evaluated> rows, boolean all, String css) {
        List<Metric> metrics = shown(r);
        h.append("<table class=\"").append(css).append("\"><tr><th>#</th>");
        r.spec().parameters().forEach(p -> h.append("<th class=\"l\">").append(Escape.xml(heading(r, p.path()))).append("</th>"));
        h.append("<th>seeds</th>");
        metrics.forEach(m -> h.append("<th title=\"").append(Escape.xml(m.meaning())).append("\">").append(m.key()).append("</th>"));
        if (all) {
            h.append("<th class=\"l\">status</th><th class=\"l\">why</th>");
        }
        h.append("</tr>\n");
        for (TuneResult.Evaluated c : rows) {
            boolean chosen = r.choice().isPresent() && r.choice().get() == c.index();
            h.append(chosen ? "<tr class=\"choice\">" : "<tr>").append("<td>").append(c.index()).append("</td>");
            c.parameters().values().forEach(v -> h.append("<td class=\"l\">").append(Escape.xml(v)).append("</td>"));
            h.append("<td>").append(c.seeds()).append("</td>");
            metrics.forEach(m -> h.append("<td>").append(Escape.xml(TuneText.compact(m, c.aggregate()))).append("</td>"));
            if (all) {
                String status = status(r, c);
                h.append("<td class=\"l\">").append(status).append("</td><td class=\"l\">").append(Escape.xml(c.why())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    // ---- the scatter ----

    private static final int WIDTH = 760;
    private static final int HEIGHT = 460;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 60;

    /** The value as the axis shows it: rates in percent, times in seconds. */
    private static double shownValue(Metric m, double v) {
        return m.unit() == Unit.FRACTION ? v * 100 : m.unit() == Unit.NANOSECONDS ? v / 1e9 : v;
    }

    private static String axisName(TuneResult r, Metric m) {
        String unit = m.unit() == Unit.FRACTION ? "%" : m.unit() == Unit.NANOSECONDS ? "s" : m.unit().reportedAs();
        Better better = r.spec().objectives().stream().filter(o -> o.metric().equals(m)).findFirst()
                .map(o -> o.direction() == Objective.Direction.MAXIMIZE ? Better.HIGHER : Better.LOWER).orElse(m.better());
        return m.key() + " (" + unit + (better == Better.NONE ? "" : ", " + better.name().toLowerCase(Locale.ROOT) + " is better") + ")";
    }

    /** {@code front.svg}: the candidates on the two plotted metrics, each with its 95% interval bars. */
    static String svg(TuneResult r) {
        Metric mx = r.spec().plot().get(0);
        Metric my = r.spec().plot().get(1);
        List<double[]> points = new ArrayList<>();
        List<TuneResult.Evaluated> shown = new ArrayList<>();
        for (TuneResult.Evaluated c : r.candidates()) {
            Interval x = mx.interval(c.aggregate());
            Interval y = my.interval(c.aggregate());
            if (c.seeds() > 0 && x.present() && y.present()) {
                points.add(new double[] {shownValue(mx, x.estimate()), shownValue(mx, x.lower()), shownValue(mx, x.upper()),
                        shownValue(my, y.estimate()), shownValue(my, y.lower()), shownValue(my, y.upper())});
                shown.add(c);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"scatter\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#fff\"/>\n");
        if (points.isEmpty()) {
            s.append("<text x=\"20\" y=\"40\">No candidate has both metrics to plot.</text>\n</svg>\n");
            return s.toString();
        }
        double[] xr = range(points, 1, 2);
        double[] yr = range(points, 4, 5);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator px = v -> LEFT + (v - xr[0]) / (xr[1] - xr[0]) * plotW;
        java.util.function.DoubleUnaryOperator py = v -> TOP + plotH - (v - yr[0]) / (yr[1] - yr[0]) * plotH;
        s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(fmt(plotW))
                .append("\" height=\"").append(fmt(plotH)).append("\" fill=\"none\" stroke=\"#999\"/>\n");
        for (double t : ticks(xr)) {
            double x = px.applyAsDouble(t);
            s.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(TOP + plotH).append("\" x2=\"").append(fmt(x)).append("\" y2=\"")
                    .append(fmt(TOP + plotH + 4)).append("\" stroke=\"#999\"/><text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(TOP + plotH + 16))
                    .append("\" text-anchor=\"middle\">").append(tick(t)).append("</text>\n");
        }
        for (double t : ticks(yr)) {
            double y = py.applyAsDouble(t);
            s.append("<line x1=\"").append(LEFT - 4).append("\" y1=\"").append(fmt(y)).append("\" x2=\"").append(LEFT).append("\" y2=\"")
                    .append(fmt(y)).append("\" stroke=\"#999\"/><text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(tick(t)).append("</text>\n");
        }
        s.append("<text x=\"").append(fmt(LEFT + plotW / 2)).append("\" y=\"").append(HEIGHT - 20).append("\" text-anchor=\"middle\">")
                .append(Escape.xml(axisName(r, mx))).append("</text>\n");
        s.append("<text transform=\"translate(16,").append(fmt(TOP + plotH / 2)).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(Escape.xml(axisName(r, my))).append("</text>\n");
        // Ruled-out candidates first, the front above the rest, the choice on top.
        for (int layer = 0; layer < 4; layer++) {
            for (int i = 0; i < shown.size(); i++) {
                TuneResult.Evaluated c = shown.get(i);
                boolean chosen = r.choice().isPresent() && r.choice().get() == c.index();
                boolean front = r.front().contains(c.index());
                int own = chosen ? 3 : front ? 2 : c.status().ruledOut() ? 0 : 1;
                if (own != layer) {
                    continue;
                }
                String css = switch (own) {
                    case 0 -> "ruled-out";
                    case 1 -> "other";
                    case 2 -> "front";
                    default -> "front choice";
                };
                String colour = switch (own) {
                    case 0 -> "#d8d8d8";
                    case 1 -> "#8a8a8a";
                    default -> "#1f5fbf";
                };
                double[] p = points.get(i);
                double cx = px.applyAsDouble(p[0]);
                double cy = py.applyAsDouble(p[3]);
                s.append("<g class=\"point ").append(css).append("\"><title>#").append(c.index()).append(' ').append(Escape.xml(c.label()))
                        .append(": ").append(mx.key()).append(' ').append(Escape.xml(TuneText.interval(mx, c.aggregate()))).append(", ")
                        .append(my.key()).append(' ').append(Escape.xml(TuneText.interval(my, c.aggregate()))).append("</title>");
                s.append("<line class=\"bar\" x1=\"").append(fmt(px.applyAsDouble(p[1]))).append("\" y1=\"").append(fmt(cy)).append("\" x2=\"")
                        .append(fmt(px.applyAsDouble(p[2]))).append("\" y2=\"").append(fmt(cy)).append("\" stroke=\"").append(colour).append("\"/>");
                s.append("<line class=\"bar\" x1=\"").append(fmt(cx)).append("\" y1=\"").append(fmt(py.applyAsDouble(p[4]))).append("\" x2=\"")
                        .append(fmt(cx)).append("\" y2=\"").append(fmt(py.applyAsDouble(p[5]))).append("\" stroke=\"").append(colour).append("\"/>");
                s.append("<circle cx=\"").append(fmt(cx)).append("\" cy=\"").append(fmt(cy)).append("\" r=\"").append(own >= 2 ? "3.5" : "2.5")
                        .append("\" fill=\"").append(colour).append("\"/>");
                if (chosen) {
                    s.append("<circle cx=\"").append(fmt(cx)).append("\" cy=\"").append(fmt(cy))
                            .append("\" r=\"8\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\"/><text x=\"").append(fmt(cx + 10))
                            .append("\" y=\"").append(fmt(cy - 10)).append("\" fill=\"#c62828\">recommended #").append(c.index()).append("</text>");
                }
                s.append("</g>\n");
            }
        }
        return s.append("</svg>\n").toString();
    }

    private static double[] range(List<double[]> points, int low, int high) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            min = Math.min(min, p[low]);
            max = Math.max(max, p[high]);
        }
        if (max - min < 1e-12) {
            double pad = Math.max(Math.abs(min) * 0.05, 1e-3);
            return new double[] {min - pad, max + pad};
        }
        double pad = (max - min) * 0.05;
        return new double[] {min - pad, max + pad};
    }

    // About five round ticks within the range.
    private static List<Double> ticks(double[] range) {
        double raw = (range[1] - range[0]) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5 : 10);
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(range[0] / step) * step; t <= range[1] + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    private static String tick(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
