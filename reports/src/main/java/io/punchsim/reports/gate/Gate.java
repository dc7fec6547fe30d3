package io.punchsim.reports.gate;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.stats.Proportion;
import java.util.Locale;

/**
 * A condition every sweep point must meet, e.g. "direct-rate at-least 0.60 judged on the interval".
 *
 * @param bound a fraction for rates, seconds for connect times
 */
public record Gate(GateMetric metric, GateOperator operator, double bound, JudgedOn judgedOn) {

    public Gate {
        if (metric == null || operator == null || judgedOn == null) {
            throw new IllegalArgumentException("gate fields must not be null");
        }
        if (!Double.isFinite(bound) || bound < 0 || (metric.isRate() && bound > 1)) {
            throw new IllegalArgumentException("gate " + metric.key() + " bound out of range: " + bound);
        }
    }

    /** e.g. {@code direct-rate at-least 0.6 (interval)}. */
    public String describe() {
        return metric.key() + " " + operator.key() + " " + format(bound) + (metric.isRate() ? "" : " s") + " (" + judgedOn.key() + ")";
    }

    /** Judges this gate on one point. */
    public GateVerdict judge(PointAggregate point) {
        if (metric.isRate()) {
            Proportion p = metric.proportion(point);
            double measured = judgedOn == JudgedOn.ESTIMATE ? p.estimate()
                    : operator == GateOperator.AT_LEAST ? p.lower() : p.upper();
            boolean passed = operator.holds(measured, bound);
            String what = judgedOn == JudgedOn.ESTIMATE ? "estimate"
                    : operator == GateOperator.AT_LEAST ? "95% lower bound" : "95% upper bound";
            String message = String.format(Locale.ROOT, "%s %s: %s %s = %s %s %s (%d/%d, Wilson 95%% [%s, %s])",
                    metric.key(), passed ? "passed" : "FAILED", what, "of rate", format(measured),
                    passed ? operator.symbol() : negated(), format(bound), p.successes(), p.trials(), format(p.lower()), format(p.upper()));
            return new GateVerdict(this, measured, p.estimate(), p.lower(), p.upper(), passed, message);
        }
        long nanos = metric.connectNanos(point);
        if (nanos < 0) {
            String message = metric.key() + " FAILED: no connected runs to measure (" + point.runs() + " runs)";
            return new GateVerdict(this, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, message);
        }
        double seconds = nanos / 1e9;
        boolean passed = operator.holds(seconds, bound);
        String message = String.format(Locale.ROOT, "%s %s: %s s %s %s s over %d connected runs (estimate; percentiles have no interval)",
                metric.key(), passed ? "passed" : "FAILED", format(seconds), passed ? operator.symbol() : negated(), format(bound),
                point.successes());
        return new GateVerdict(this, seconds, seconds, seconds, seconds, passed, message);
    }

    private String negated() {
        return operator == GateOperator.AT_LEAST ? "<" : ">";
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
