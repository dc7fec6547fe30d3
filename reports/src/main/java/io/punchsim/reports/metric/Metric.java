package io.punchsim.reports.metric;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.stats.Percentile;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One figure the reports state for every sweep point. Declared once in {@link Metrics}; the
 * writers, the gates and {@code compare} iterate the registry, so they agree on what exists.
 *
 * @param key     the name in scenario files and reports, e.g. {@code connect-time-p95}
 * @param label   a short column heading, unique among metrics, e.g. {@code relayed}
 * @param meaning what it measures, in a phrase for the documentation
 * @param uses    what else may use it besides the full listings ({@code report.json}, {@code report.csv}, the details)
 */
public record Metric(String key, String label, String meaning, Unit unit, Better better, Set<Use> uses, Reading reading) {

    /** Where a metric appears beyond the full listings. */
    public enum Use {
        /** A scenario file may gate on it. */
        GATE,
        /** {@code compare} tests it for a significant change. */
        COMPARE,
        /** It is a column of the one-line-per-point summaries (console, the Markdown and HTML points tables). */
        SUMMARY
    }

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Metric {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a metric key is lower-case words joined by '-', got '" + key + "'");
        }
        if (label == null || meaning == null || unit == null || better == null || uses == null || reading == null) {
            throw new IllegalArgumentException("metric " + key + ": every field must be given");
        }
        uses = Set.copyOf(uses);
        if (reading instanceof Reading.Rate && unit != Unit.FRACTION) {
            throw new IllegalArgumentException("metric " + key + ": a rate is a fraction");
        }
        if (uses.contains(Use.COMPARE)) {
            if (better == Better.NONE) {
                throw new IllegalArgumentException("metric " + key + ": compared, so higher or lower must be better");
            }
            // A mean has no test here, and one run decides a maximum.
            boolean testable = reading instanceof Reading.Rate
                    || reading instanceof Reading.Quantile q && q.percentile() != Percentile.MAX;
            if (!testable) {
                throw new IllegalArgumentException("metric " + key + ": only rates and percentiles below the maximum can be compared");
            }
        }
    }

    public boolean gateable() {
        return uses.contains(Use.GATE);
    }

    public boolean comparable() {
        return uses.contains(Use.COMPARE);
    }

    public boolean inSummary() {
        return uses.contains(Use.SUMMARY);
    }

    /** A share of runs with a Wilson interval, as opposed to a value without one. */
    public boolean isRate() {
        return reading instanceof Reading.Rate;
    }

    public Measurement measure(PointAggregate point) {
        return reading.read(point);
    }

    /** The estimate with its 95% interval: Wilson for rates, order statistics for percentiles, the normal approximation for means. */
    public Interval interval(PointAggregate point) {
        return reading.interval(point);
    }

    /** The key: a scenario's content digest prints its gates, and a reading's lambda must not leak an identity hash into it. */
    @Override
    public String toString() {
        return key;
    }
}
