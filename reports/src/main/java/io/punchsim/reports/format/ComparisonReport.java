package io.punchsim.reports.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.reports.compare.Change;
import io.punchsim.reports.compare.Comparison;
import io.punchsim.reports.compare.Direction;
import io.punchsim.reports.sweep.SweepReport;
import java.util.List;

/** A {@link Comparison} in the report formats: {@code compare.json}, {@code compare.md}, {@code compare.html}, {@code compare-junit.xml}, {@code compare.csv}. */
public final class ComparisonReport {

    private ComparisonReport() {
    }

    public static String json(Comparison c) {
        ObjectNode root = ReportJson.MAPPER.createObjectNode();
        root.put("schemaVersion", SweepReport.SCHEMA_VERSION);
        root.put("kind", "comparison");
        root.set("baseline", ReportJson.scenario(c.baseline()));
        root.set("current", ReportJson.scenario(c.current()));
        root.put("sameScenario", c.sameScenario());
        if (c.mismatch() == null) {
            root.putNull("mismatch");
        } else {
            root.put("mismatch", c.mismatch());
        }
        root.put("contentDiffers", c.contentDiffers());
        ArrayNode partial = root.putArray("partialReports");
        c.partialReports().forEach(partial::add);
        root.put("partialAllowed", c.partialAllowed());
        root.put("judged", c.judged());
        root.put("method", Comparison.METHOD_STATEMENT);
        root.put("familyAlpha", Comparison.FAMILY_ALPHA);
        root.put("regression", c.hasRegression());
        root.put("exitCode", c.exitCode());
        ArrayNode significant = root.putArray("significantChanges");
        c.significantChanges().forEach(ch -> significant.add(change(ch)));
        ArrayNode all = root.putArray("comparisons");
        c.changes().forEach(ch -> all.add(change(ch)));
        ArrayNode unmatched = root.putArray("unmatchedPoints");
        c.unmatchedPoints().forEach(unmatched::add);
        return ReportJson.toText(root);
    }

    private static ObjectNode change(Change ch) {
        ObjectNode node = ReportJson.MAPPER.createObjectNode();
        ObjectNode parameters = node.putObject("parameters");
        new java.util.TreeMap<>(ch.parameters()).forEach(parameters::put);
        node.put("point", ch.point());
        node.put("metric", ch.metric().key());
        node.put("baseline", ch.baseline());
        node.put("current", ch.current());
        node.put("method", ch.method());
        ReportJson.putFinite(node, "pValue", ch.pValue());
        ReportJson.putFinite(node, "adjustedPValue", ch.adjustedP());
        node.put("significant", ch.significant());
        node.put("direction", ch.direction().name().toLowerCase(java.util.Locale.ROOT));
        return node;
    }

    public static String markdown(Comparison c) {
        StringBuilder md = new StringBuilder("## punchsim compare: ").append(Escape.markdown(c.current().name())).append("\n\n");
        if (!c.sameScenario()) {
            return md.append("**Not comparable:** ").append(Escape.markdown(c.mismatch())).append(".\n").toString();
        }
        if (!c.judged()) {
            return md.append("**Not judged:** ").append(Escape.markdown(c.notJudgedBecause())).append(".\n").toString();
        }
        if (c.partial()) {
            md.append("> **Partial report** (").append(Escape.markdown(String.join("; ", c.partialReports())))
                    .append("): only the points both reports hold are compared.\n\n");
        }
        List<Change> significant = c.significantChanges();
        long worse = significant.stream().filter(Change::isRegression).count();
        md.append(c.hasRegression() ? "**Regression: " + worse + " significant change(s) for the worse.**\n\n"
                : "**No significant regression.**\n\n");
        if (c.contentDiffers()) {
            md.append("> The scenario's resolved content differs between the reports (digests `").append(c.baseline().contentDigest())
                    .append("` vs `").append(c.current().contentDigest()).append("`).\n\n");
        }
        if (significant.isEmpty()) {
            md.append("No significant changes in ").append(c.changes().size()).append(" comparisons.\n");
        } else {
            md.append("| point | metric | baseline | current | change | p (Holm) |\n|---|---|--:|--:|:-:|--:|\n");
            for (Change ch : significant) {
                md.append("| ").append(Escape.markdownCell(ch.point())).append(" | ").append(ch.metric().key()).append(" | ")
                        .append(value(ch, ch.baseline())).append(" | ").append(value(ch, ch.current())).append(" | ")
                        .append(ch.direction() == Direction.WORSE ? "**worse**" : "better").append(" | ")
                        .append(Double.isNaN(ch.adjustedP()) ? "rule" : Text.decimal(ch.adjustedP(), 4)).append(" |\n");
            }
        }
        if (!c.unmatchedPoints().isEmpty()) {
            md.append("\nPoints not compared: ").append(Escape.markdown(String.join("; ", c.unmatchedPoints()))).append(".\n");
        }
        md.append("\n<sub>").append(Comparison.METHOD_STATEMENT).append("</sub>\n");
        return md.toString();
    }

    public static String html(Comparison c) {
        StringBuilder h = new StringBuilder();
        HtmlReport.head(h, "punchsim compare: " + c.current().name());
        h.append("<h1>punchsim compare: ").append(Escape.xml(c.current().name())).append("</h1>\n");
        if (!c.sameScenario()) {
            h.append("<p class=\"fail\">Not comparable: ").append(Escape.xml(c.mismatch())).append(".</p>\n");
            return h.append("</body>\n</html>\n").toString();
        }
        if (!c.judged()) {
            h.append("<p class=\"fail\">Not judged: ").append(Escape.xml(c.notJudgedBecause())).append(".</p>\n");
            return h.append("</body>\n</html>\n").toString();
        }
        if (c.partial()) {
            h.append("<p class=\"note\">Partial report (").append(Escape.xml(String.join("; ", c.partialReports())))
                    .append("): only the points both reports hold are compared.</p>\n");
        }
        h.append(c.hasRegression() ? "<p class=\"fail\">Significant regression.</p>\n" : "<p class=\"pass\">No significant regression.</p>\n");
        h.append("<p>").append(Escape.xml(Comparison.METHOD_STATEMENT)).append("</p>\n");
        h.append(changesChart(c.changes()));
        h.append("<table><tr><th class=\"l\">point</th><th class=\"l\">metric</th><th>baseline</th><th>current</th><th class=\"l\">method</th>")
                .append("<th>p</th><th>p (Holm)</th><th>result</th></tr>\n");
        for (Change ch : c.changes()) {
            String result = !ch.significant() ? "–" : ch.direction() == Direction.WORSE ? "worse" : "better";
            h.append("<tr><td class=\"l\">").append(Escape.xml(ch.point())).append("</td><td class=\"l\">").append(ch.metric().key())
                    .append("</td><td>").append(value(ch, ch.baseline())).append("</td><td>").append(value(ch, ch.current()))
                    .append("</td><td class=\"l\">").append(Escape.xml(ch.method())).append("</td><td>")
                    .append(Double.isNaN(ch.pValue()) ? "–" : Text.decimal(ch.pValue(), 4)).append("</td><td>")
                    .append(Double.isNaN(ch.adjustedP()) ? "–" : Text.decimal(ch.adjustedP(), 4)).append("</td><td class=\"")
                    .append(ch.isRegression() ? "fail" : ch.significant() ? "pass" : "").append("\">").append(result).append("</td></tr>\n");
        }
        h.append("</table>\n");
        return h.append("</body>\n</html>\n").toString();
    }

    static final String CHANGES_TITLE = "Rate changes: current minus baseline, in percentage points";

    /**
     * Rate differences (current − baseline) in percentage points, one bar each, coloured by verdict,
     * under a title, over an axis with its scale (ticks at 0, half and all of a round maximum, both
     * ways) and a legend of the colours.
     */
    private static String changesChart(List<Change> changes) {
        List<Change> rates = changes.stream().filter(ch -> ch.metric().isRate()).toList();
        int rowH = 18;
        int width = 760;
        int left = 330;
        int right = 30;
        int top = 34;
        int axisBand = 44;
        int legendBand = 22;
        int plotH = rowH * Math.max(1, rates.size());
        int height = top + plotH + axisBand + legendBand;
        double maxPoints = 0;
        for (Change ch : rates) {
            maxPoints = Math.max(maxPoints, Math.abs(ch.current() - ch.baseline()) * 100);
        }
        // The scale in percentage points: a round number at or above the largest change, at least 1.
        double scale = SvgCharts.niceCeiling(Math.max(1, maxPoints));
        double half = (width - left - right) / 2.0;
        double zero = left + half;
        double axisY = top + plotH + 4;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-changes\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\">\n<title>").append(CHANGES_TITLE).append("</title>\n");
        svg.append("<text class=\"chart-title\" x=\"").append(width / 2).append("\" y=\"18\" font-size=\"13\" font-weight=\"bold\"")
                .append(" text-anchor=\"middle\">").append(CHANGES_TITLE).append("</text>\n");
        // The axis, its ticks and their values; a faint grid line up from each tick.
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(Text.decimal(axisY, 1)).append("\" x2=\"")
                .append(width - right).append("\" y2=\"").append(Text.decimal(axisY, 1)).append("\" stroke=\"#333\"/>\n");
        for (double tick : new double[] {-1, -0.5, 0, 0.5, 1}) {
            double x = zero + half * tick;
            double value = tick * scale;
            svg.append("<line x1=\"").append(Text.decimal(x, 1)).append("\" y1=\"").append(top - 4).append("\" x2=\"")
                    .append(Text.decimal(x, 1)).append("\" y2=\"").append(Text.decimal(axisY + 5, 1)).append("\" stroke=\"")
                    .append(tick == 0 ? "#333" : "#ddd").append("\"/>\n");
            svg.append("<text class=\"tick\" x=\"").append(Text.decimal(x, 1)).append("\" y=\"").append(Text.decimal(axisY + 18, 1))
                    .append("\" font-size=\"11\" text-anchor=\"middle\">").append(tickLabel(value)).append("</text>\n");
        }
        svg.append("<text class=\"axis-label\" x=\"").append(Text.decimal(zero, 1)).append("\" y=\"").append(Text.decimal(axisY + 36, 1))
                .append("\" font-size=\"11\" text-anchor=\"middle\">change in percentage points (current − baseline)</text>\n");
        for (int i = 0; i < rates.size(); i++) {
            Change ch = rates.get(i);
            double d = (ch.current() - ch.baseline()) * 100;
            double len = half * Math.abs(d) / scale;
            double x = d >= 0 ? zero : zero - len;
            double y = top + i * rowH;
            String colour = !ch.significant() ? "#bbb" : ch.direction() == Direction.WORSE ? "#c62828" : "#1a7f37";
            svg.append("<text x=\"").append(left - 6).append("\" y=\"").append(Text.decimal(y + 10, 1))
                    .append("\" font-size=\"11\" text-anchor=\"end\">").append(Escape.xml(ch.point() + " " + ch.metric().key())).append("</text>\n");
            svg.append("<rect class=\"bar\" x=\"").append(Text.decimal(x, 1)).append("\" y=\"").append(Text.decimal(y, 1)).append("\" width=\"")
                    .append(Text.decimal(Math.max(len, 0.5), 1)).append("\" height=\"").append(rowH - 4).append("\" fill=\"").append(colour)
                    .append("\"><title>").append(Text.decimal(d, 2)).append(" percentage points</title></rect>\n");
        }
        double legendY = height - 8;
        String[][] legend = {{"#c62828", "significantly worse"}, {"#1a7f37", "significantly better"}, {"#bbb", "not significant"}};
        for (int i = 0; i < legend.length; i++) {
            int x = left + i * 150;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(Text.decimal(legendY - 9, 1))
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(legend[i][0]).append("\"/>\n");
            svg.append("<text class=\"legend\" x=\"").append(x + 14).append("\" y=\"").append(Text.decimal(legendY, 1))
                    .append("\" font-size=\"11\">").append(legend[i][1]).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String tickLabel(double value) {
        String number = new java.math.BigDecimal(Text.decimal(Math.abs(value), 2)).stripTrailingZeros().toPlainString();
        return (value > 0 ? "+" : value < 0 ? "−" : "") + number;
    }

    /** One test case per compared metric per point; significant changes for the worse fail. */
    public static String junit(Comparison c) {
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        String classname = "punchsim.compare." + c.current().name();
        if (!c.sameScenario()) {
            tests = 1;
            failures = 1;
            cases.append("    <testcase classname=\"").append(Escape.xmlAttribute(classname)).append("\" name=\"same scenario\" time=\"0\">\n")
                    .append("      <failure type=\"comparison\" message=\"").append(Escape.xmlAttribute(c.mismatch())).append("\"/>\n    </testcase>\n");
        } else if (!c.judged()) {
            tests = 1;
            failures = 1;
            cases.append("    <testcase classname=\"").append(Escape.xmlAttribute(classname)).append("\" name=\"whole reports\" time=\"0\">\n")
                    .append("      <failure type=\"partial\" message=\"").append(Escape.xmlAttribute(c.notJudgedBecause())).append("\"/>\n    </testcase>\n");
            return JunitReport.suite(classname, tests, failures, cases, Comparison.METHOD_STATEMENT);
        }
        for (Change ch : c.changes()) {
            tests++;
            cases.append("    <testcase classname=\"").append(Escape.xmlAttribute(classname)).append("\" name=\"")
                    .append(Escape.xmlAttribute(ch.metric().key() + " @ " + ch.point())).append("\" time=\"0\"");
            String detail = "baseline " + value(ch, ch.baseline()) + ", current " + value(ch, ch.current()) + ", " + ch.method()
                    + (Double.isNaN(ch.pValue()) ? "" : ", p = " + Text.decimal(ch.pValue(), 6) + ", Holm-adjusted p = " + Text.decimal(ch.adjustedP(), 6));
            if (ch.isRegression()) {
                failures++;
                cases.append(">\n      <failure type=\"regression\" message=\"").append(Escape.xmlAttribute(ch.metric().key() + " got worse: " + detail))
                        .append("\"/>\n    </testcase>\n");
            } else {
                cases.append(">\n      <system-out>").append(Escape.xml(detail)).append("</system-out>\n    </testcase>\n");
            }
        }
        return JunitReport.suite(classname, tests, failures, cases, Comparison.METHOD_STATEMENT);
    }

    public static String csv(Comparison c) {
        StringBuilder out = new StringBuilder("point,metric,baseline,current,method,p_value,adjusted_p_value,significant,direction\n");
        for (Change ch : c.changes()) {
            out.append(Escape.csv(ch.point())).append(',').append(ch.metric().key()).append(',').append(Text.decimal(ch.baseline(), 6)).append(',')
                    .append(Text.decimal(ch.current(), 6)).append(',').append(Escape.csv(ch.method())).append(',')
                    .append(Double.isNaN(ch.pValue()) ? "" : Text.decimal(ch.pValue(), 8)).append(',')
                    .append(Double.isNaN(ch.adjustedP()) ? "" : Text.decimal(ch.adjustedP(), 8)).append(',').append(ch.significant()).append(',')
                    .append(ch.direction().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        }
        return out.toString();
    }

    // Changes hold reported units (seconds for times); people read them in the tables' units.
    private static String value(Change ch, double v) {
        return Text.human(ch.metric().unit(), ch.metric().unit().fromReported(v), false);
    }
}
