package io.punchsim.scenarios.tune;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.metric.Interval;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Unit;
import io.punchsim.reports.precision.Precision;
import io.punchsim.scenarios.yaml.Node;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Numbers and text of the tune's outputs; always Locale.ROOT, so bytes never depend on the machine. */
public final class TuneText {

    private TuneText() {
    }

    /** A metric's value for people: rates as percentages, times in seconds, bytes and packets as they are. */
    public static String value(Metric m, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        if (m.unit() == Unit.FRACTION) {
            return String.format(Locale.ROOT, "%.2f%%", value * 100);
        }
        if (m.unit() == Unit.NANOSECONDS) {
            return String.format(Locale.ROOT, "%.3f s", value / 1e9);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * A constraint for people, in the units of {@link #value}: a rate's bound as a percentage
     * ({@code direct-rate at-least 90% (interval)}), as the file writes it and as the intervals
     * beside it read; other bounds as {@link Gate#describe()} has them.
     */
    public static String constraint(Gate g) {
        if (g.metric().unit() != Unit.FRACTION) {
            return g.describe();
        }
        return g.metric().key() + " " + g.operator().key() + " " + Precision.percent(g.bound()) + " (" + g.judgedOn().key() + ")";
    }

    /** Several constraints, as {@link #constraint} writes each. */
    public static String constraints(List<Gate> gates) {
        return gates.stream().map(TuneText::constraint).collect(Collectors.joining("; "));
    }

    /** e.g. {@code 1.234 s [1.200 s, 1.250 s]}; an en dash when there is nothing to measure. */
    public static String interval(Metric m, PointAggregate a) {
        Interval i = m.interval(a);
        if (!i.present()) {
            return "–";
        }
        return value(m, i.estimate()) + " [" + value(m, i.lower()) + ", " + value(m, i.upper()) + "]";
    }

    /** A compact interval for tables: {@code 61.23% [60.31, 62.14]}. */
    public static String compact(Metric m, PointAggregate a) {
        Interval i = m.interval(a);
        if (!i.present()) {
            return "–";
        }
        return value(m, i.estimate()) + " [" + bare(m, i.lower()) + ", " + bare(m, i.upper()) + "]";
    }

    private static String bare(Metric m, double value) {
        return value(m, value).replace("%", "").replace(" s", "");
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./%+-]+");
    private static final Pattern LOOKS_TYPED = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                    + "|(?i:true|false|yes|no|on|off|y|n|null)|~");

    /** A value as YAML flow text that reads back as the same value and type: {@code {a: 1, b: [x, "y z"]}}. */
    public static String yaml(Node node) {
        if (node instanceof Node.Scalar scalar) {
            return switch (scalar.type()) {
                case NUMBER, BOOLEAN -> scalar.text();
                case NULL -> "null";
                case STRING -> string(scalar.text());
            };
        }
        if (node instanceof Node.Sequence sequence) {
            return sequence.items().stream().map(TuneText::yaml).collect(Collectors.joining(", ", "[", "]"));
        }
        List<Node.Entry> entries = List.copyOf(((Node.Mapping) node).entries().values());
        return entries.stream().map(e -> string(e.key()) + ": " + yaml(e.value())).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String string(String s) {
        if (PLAIN.matcher(s).matches() && !LOOKS_TYPED.matcher(s).matches() && !s.startsWith("-") && !s.startsWith(".")) {
            return s;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
