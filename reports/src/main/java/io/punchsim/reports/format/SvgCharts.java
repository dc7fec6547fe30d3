package io.punchsim.reports.format;

import io.punchsim.reports.aggregate.NatPair;
import io.punchsim.reports.aggregate.OutcomeCounts;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Measurement;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.stats.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** Inline SVG charts for the HTML report: plain elements and attributes, no script, no external resources. */
final class SvgCharts {

    static final String[] OUTCOME_COLOURS = {"#1b9e77", "#d95f02", "#7570b3"};

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 130;
    private static final int TOP = 16;
    private static final int BOTTOM = 48;

    private SvgCharts() {
    }

    /**
     * One line of a chart over the values of an axis: its class key, its legend, its colour, its
     * value and tooltip at each axis value, and where it has them ({@code intervals} not null) the
     * Wilson 95% interval of each value, drawn as a band.
     */
    record Series(String key, String legend, String colour, List<Double> values, List<Proportion> intervals, List<String> tooltips) {}

    /**
     * Direct, relayed and failed rates at each value of one axis, each a line over a band of its
     * Wilson 95% interval. {@code rates.get(i)[outcome]} is the rate at {@code values.get(i)}.
     */
    static String rates(String axis, List<String> values, List<Proportion[]> rates) {
        List<Series> series = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            List<Proportion> at = rates.stream().map(r -> r[o.ordinal()]).toList();
            List<String> tooltips = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                tooltips.add(o.label() + ' ' + values.get(i) + ": " + Text.rate(at.get(i)));
            }
            series.add(new Series(o.label(), o.label(), OUTCOME_COLOURS[o.ordinal()], at.stream().map(Proportion::estimate).toList(), at,
                    tooltips));
        }
        return lines("chart chart-rates", "Outcome rates by " + axis, "rate", axis, values, series, 1.0, true);
    }

    /**
     * Metrics of one unit at each value of one axis, one line each: {@code points.get(i)} is
     * measured at {@code values.get(i)}. Rates are drawn on 0 to 100% over bands of their Wilson
     * 95% intervals, other units from 0 to a round number above the largest value; a value that
     * could not be measured leaves its point out.
     */
    static String metrics(String cssClass, String title, String axis, List<String> values, List<Metric> metrics,
            List<PointAggregate> points, List<String> colours) {
        List<Series> series = new ArrayList<>();
        boolean rates = metrics.stream().allMatch(Metric::isRate);
        double largest = 0;
        for (int k = 0; k < metrics.size(); k++) {
            Metric m = metrics.get(k);
            List<Double> at = new ArrayList<>();
            List<Proportion> intervals = rates ? new ArrayList<>() : null;
            List<String> tooltips = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Measurement measured = m.measure(points.get(i));
                at.add(measured.present() ? measured.value() : Double.NaN);
                if (rates) {
                    intervals.add(((Measurement.Share) measured).proportion());
                }
                if (measured.present()) {
                    largest = Math.max(largest, measured.value());
                }
                tooltips.add(m.label() + ' ' + values.get(i) + ": " + Text.human(m, measured));
            }
            series.add(new Series(m.key(), m.label(), colours.get(k), at, intervals, tooltips));
        }
        String yLabel = rates ? "share of sessions" : metrics.get(0).unit().reportedAs();
        return lines(cssClass, title, yLabel, axis, values, series, rates ? 1.0 : niceCeiling(largest), rates);
    }

    /** Lines over the values of an axis, from 0 to {@code top} (ticks in percent or in numbers). */
    private static String lines(String cssClass, String title, String yLabel, String axis, List<String> values, List<Series> series,
            double top, boolean percent) {
        StringBuilder svg = open(cssClass, title);
        frame(svg, yLabel, axis);
        for (int t = 0; t <= 4; t++) {
            double y = y(t / 4.0);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#ddd"));
            svg.append(text(LEFT - 6, y + 4, percent ? Text.percent(t / 4.0) : Text.number(top * t / 4.0), "end"));
        }
        for (int i = 0; i < values.size(); i++) {
            svg.append(text(x(i, values.size()), HEIGHT - BOTTOM + 16, values.get(i), "middle"));
        }
        for (Series s : series) {
            StringBuilder upper = new StringBuilder();
            List<String> lower = new ArrayList<>();
            StringBuilder mid = new StringBuilder();
            int n = values.size();
            for (int i = 0; i < n; i++) {
                double xi = x(i, n);
                if (s.intervals() != null) {
                    Proportion p = s.intervals().get(i);
                    // A single category still gets a visible band: widen it around the point.
                    double dx = n == 1 ? 20 : 0;
                    upper.append(point(xi - dx, y(p.upper() / top)));
                    lower.add(point(xi - dx, y(p.lower() / top)));
                    if (dx > 0) {
                        upper.append(point(xi + dx, y(p.upper() / top)));
                        lower.add(point(xi + dx, y(p.lower() / top)));
                    }
                }
                if (!Double.isNaN(s.values().get(i))) {
                    mid.append(point(xi, y(s.values().get(i) / top)));
                }
            }
            if (s.intervals() != null) {
                StringBuilder lowerReversed = new StringBuilder();
                for (int i = lower.size() - 1; i >= 0; i--) {
                    lowerReversed.append(lower.get(i));
                }
                svg.append("<polygon class=\"band band-").append(s.key()).append("\" points=\"").append(upper).append(lowerReversed)
                        .append("\" fill=\"").append(s.colour()).append("\" fill-opacity=\"0.18\" stroke=\"none\"/>\n");
            }
            svg.append("<polyline class=\"series series-").append(s.key()).append("\" points=\"").append(mid)
                    .append("\" fill=\"none\" stroke=\"").append(s.colour()).append("\" stroke-width=\"2\"/>\n");
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(s.values().get(i))) {
                    continue;
                }
                svg.append("<circle cx=\"").append(Text.decimal(x(i, n), 1)).append("\" cy=\"").append(Text.decimal(y(s.values().get(i) / top), 1))
                        .append("\" r=\"3\" fill=\"").append(s.colour()).append("\"><title>").append(Escape.xml(s.tooltips().get(i)))
                        .append("</title></circle>\n");
            }
        }
        legend(svg, series.stream().map(Series::legend).toList(), series.stream().map(Series::colour).toList());
        return svg.append("</svg>\n").toString();
    }

    /** Cumulative distribution of connect time from K1 for each connected outcome. */
    static String connectTimes(Map<Outcome, Histogram> byOutcome) {
        StringBuilder svg = open("chart chart-connect", "Connect time from K1, cumulative, by outcome");
        frame(svg, "share of runs", "connect time from K1 (ms)");
        long max = 1;
        for (Histogram h : byOutcome.values()) {
            max = Math.max(max, h.getMaxValue());
        }
        double maxMs = niceCeiling(max / 1e6);
        for (int t = 0; t <= 4; t++) {
            double y = y(t / 4.0);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#ddd"));
            svg.append(text(LEFT - 6, y + 4, Text.percent(t / 4.0), "end"));
            double xv = LEFT + (WIDTH - LEFT - RIGHT) * t / 4.0;
            svg.append(text(xv, HEIGHT - BOTTOM + 16, Text.number(maxMs * t / 4.0), "middle"));
        }
        List<String> names = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (Map.Entry<Outcome, Histogram> e : byOutcome.entrySet()) {
            Histogram h = e.getValue();
            String colour = OUTCOME_COLOURS[e.getKey().ordinal()];
            names.add(e.getKey().label() + " (n=" + h.getTotalCount() + ")");
            colours.add(colour);
            if (h.getTotalCount() == 0) {
                continue;
            }
            StringBuilder points = new StringBuilder(point(LEFT, y(0)));
            long cumulative = 0;
            double previousY = y(0);
            for (HistogramIterationValue v : h.recordedValues()) {
                cumulative += v.getCountAtValueIteratedTo();
                double xv = LEFT + (WIDTH - LEFT - RIGHT) * Math.min(1.0, v.getValueIteratedTo() / 1e6 / maxMs);
                double yv = y((double) cumulative / h.getTotalCount());
                points.append(point(xv, previousY)).append(point(xv, yv));
                previousY = yv;
            }
            points.append(point(WIDTH - RIGHT, previousY));
            svg.append("<polyline class=\"series series-").append(e.getKey().label()).append("\" points=\"").append(points)
                    .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>\n");
        }
        legend(svg, names, colours);
        return svg.append("</svg>\n").toString();
    }

    /** The NAT-pair matrix as a heat map: colour by direct rate, each cell labelled with its rates and count. */
    static String natPairs(SortedMap<NatPair, OutcomeCounts> pairs) {
        TreeSet<String> hosts = new TreeSet<>();
        TreeSet<String> clients = new TreeSet<>();
        pairs.keySet().forEach(p -> {
            hosts.add(p.hostNat());
            clients.add(p.clientNat());
        });
        int cellW = 120;
        int cellH = 44;
        int left = 170;
        int top = 40;
        int width = left + cellW * Math.max(1, clients.size()) + 10;
        int height = top + cellH * Math.max(1, hosts.size()) + 30;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-natpairs\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\">\n<title>NAT-pair matrix: direct rate by host NAT (rows) and client NAT (columns)</title>\n");
        svg.append(text(left - 8, top - 24, "host \\ client", "end"));
        int c = 0;
        for (String client : clients) {
            svg.append(text(left + c * cellW + cellW / 2.0, top - 8, client, "middle"));
            c++;
        }
        int r = 0;
        for (String host : hosts) {
            svg.append(text(left - 8, top + r * cellH + cellH / 2.0 + 4, host, "end"));
            c = 0;
            for (String client : clients) {
                OutcomeCounts counts = pairs.get(new NatPair(host, client));
                double cx = left + c * cellW;
                double cy = top + r * cellH;
                if (counts != null && counts.runs() > 0) {
                    double direct = counts.rate(Outcome.DIRECT).estimate();
                    svg.append("<rect class=\"cell\" x=\"").append(Text.decimal(cx, 1)).append("\" y=\"").append(Text.decimal(cy, 1))
                            .append("\" width=\"").append(cellW - 2).append("\" height=\"").append(cellH - 2).append("\" fill=\"")
                            .append(heat(direct)).append("\"><title>").append(Escape.xml(host + " x " + client)).append(": direct ")
                            .append(Text.rate(counts.rate(Outcome.DIRECT))).append(", relayed ").append(Text.rate(counts.rate(Outcome.RELAYED)))
                            .append(", failed ").append(Text.rate(counts.rate(Outcome.FAILED))).append(", n=").append(counts.runs())
                            .append("</title></rect>\n");
                    svg.append(text(cx + cellW / 2.0, cy + 17, "D " + Text.percent(direct) + " R " + Text.percent(counts.rate(Outcome.RELAYED).estimate()), "middle"));
                    svg.append(text(cx + cellW / 2.0, cy + 33, "F " + Text.percent(counts.rate(Outcome.FAILED).estimate()) + " n=" + counts.runs(), "middle"));
                } else {
                    svg.append("<rect class=\"cell empty\" x=\"").append(Text.decimal(cx, 1)).append("\" y=\"").append(Text.decimal(cy, 1))
                            .append("\" width=\"").append(cellW - 2).append("\" height=\"").append(cellH - 2).append("\" fill=\"#f4f4f4\"/>\n");
                }
                c++;
            }
            r++;
        }
        return svg.append("</svg>\n").toString();
    }

    /** White at 0% direct through to green at 100%. */
    static String heat(double fraction) {
        int red = (int) Math.round(255 - (255 - 27) * fraction);
        int green = (int) Math.round(255 - (255 - 158) * fraction);
        int blue = (int) Math.round(255 - (255 - 119) * fraction);
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    private static StringBuilder open(String cssClass, String title) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cssClass).append("\" role=\"img\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\">\n<title>").append(Escape.xml(title)).append("</title>\n");
    }

    private static void frame(StringBuilder svg, String yLabel, String xLabel) {
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#333"));
        svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#333"));
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 8, xLabel, "middle"));
        svg.append("<text x=\"14\" y=\"").append(Text.decimal((TOP + HEIGHT - BOTTOM) / 2.0, 1))
                .append("\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(Text.decimal((TOP + HEIGHT - BOTTOM) / 2.0, 1)).append(")\">").append(Escape.xml(yLabel)).append("</text>\n");
    }

    private static void legend(StringBuilder svg, List<String> names, List<String> colours) {
        for (int i = 0; i < names.size(); i++) {
            double y = TOP + 10 + i * 18;
            svg.append("<rect x=\"").append(WIDTH - RIGHT + 12).append("\" y=\"").append(Text.decimal(y - 9, 1))
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(colours.get(i)).append("\"/>\n");
            svg.append(text(WIDTH - RIGHT + 27, y, names.get(i), "start"));
        }
    }

    private static double x(int i, int n) {
        double span = WIDTH - LEFT - RIGHT;
        return n == 1 ? LEFT + span / 2 : LEFT + 24 + (span - 48) * i / (n - 1);
    }

    private static double y(double fraction) {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * fraction;
    }

    private static String point(double x, double y) {
        return Text.decimal(x, 1) + "," + Text.decimal(y, 1) + " ";
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + Text.decimal(x1, 1) + "\" y1=\"" + Text.decimal(y1, 1) + "\" x2=\"" + Text.decimal(x2, 1) + "\" y2=\""
                + Text.decimal(y2, 1) + "\" stroke=\"" + colour + "\" stroke-width=\"1\"/>\n";
    }

    private static String text(double x, double y, String content, String anchor) {
        return "<text x=\"" + Text.decimal(x, 1) + "\" y=\"" + Text.decimal(y, 1) + "\" font-size=\"11\" text-anchor=\"" + anchor + "\">"
                + Escape.xml(content) + "</text>\n";
    }

    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
