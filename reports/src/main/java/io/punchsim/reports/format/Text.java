package io.punchsim.reports.format;

import io.punchsim.reports.metric.Measurement;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Unit;
import io.punchsim.reports.stats.Proportion;
import java.util.Locale;

/** Number formatting and escaping shared by the human-readable formats; always Locale.ROOT, so bytes never depend on the machine. */
final class Text {

    private Text() {
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A small fraction as a percentage with two decimals, e.g. a half-width of {@code 0.49%}. */
    static String percent2(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static String rate(Proportion p) {
        return percent(p.estimate()) + " [" + percent(p.lower()) + ", " + percent(p.upper()) + "]";
    }

    /** A metric's value for people: a rate with its interval, a time in milliseconds, a mean with one decimal; an en dash when absent. */
    static String human(Metric metric, Measurement measurement) {
        if (measurement instanceof Measurement.Share share) {
            return rate(share.proportion());
        }
        return human(metric.unit(), measurement.value(), ((Measurement.Amount) measurement).whole());
    }

    /** A value in {@code unit} (nanoseconds for times) for people; an en dash when NaN. */
    static String human(Unit unit, double value, boolean whole) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return switch (unit) {
            case FRACTION -> percent(value);
            case NANOSECONDS -> millis(Math.round(value));
            case BYTES, PACKETS, COUNT -> whole ? Long.toString(Math.round(value)) : decimal(value, 1);
        };
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
}
