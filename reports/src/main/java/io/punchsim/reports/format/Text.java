package io.punchsim.reports.format;

import io.punchsim.reports.stats.Proportion;
import java.util.Locale;

/** Number formatting and escaping shared by the human-readable formats; always Locale.ROOT, so bytes never depend on the machine. */
final class Text {

    private Text() {
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String rate(Proportion p) {
        return percent(p.estimate()) + " [" + percent(p.lower()) + ", " + percent(p.upper()) + "]";
    }

    /** Nanoseconds as milliseconds with one decimal, or an en dash when absent (negative). */
    static String millis(long nanos) {
        return nanos < 0 ? "–" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters even when escaped.
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A Markdown table cell: pipes escaped, line breaks flattened. */
    static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
