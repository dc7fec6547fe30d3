package io.punchsim.reports.gate;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Measurement;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Unit;
import io.punchsim.reports.stats.Proportion;
import java.util.Locale;

/**
 * A condition every sweep point must meet, e.g. "direct-rate at-least 0.60 judged on the interval".
 * A scenario file's bounds are range-checked where they are read, with the file position; the
 * checks here only keep a gate built in code from being meaningless.
 *
 * @param bound in the metric's reported unit: a fraction for rates, seconds for times
 */
public record Gate(Metric metric, GateOperator operator, double bound, JudgedOn judgedOn) {

    public Gate {
        if (metric == null || operator == null || judgedOn == null) {
            throw new IllegalArgumentException("gate fields must not be null");
        }
        if (!metric.gateable()) {
            throw new IllegalArgumentException("metric " + metric.key() + " cannot be gated");
        }
        if (!Double.isFinite(bound) || bound < 0 || (metric.unit() == Unit.FRACTION && bound > 1)) {
            throw new IllegalArgumentException("gate " + metric.key() + " bound out of range: " + bound);
        }
    }

    /** e.g. {@code direct-rate at-least 0.6 (interval)}. */
    public String describe() {
        return metric.key() + " " + operator.key() + " " + format(bound) + metric.unit().suffix() + " (" + judgedOn.key() + ")";
    }

    /** Judges this gate on one point. */
    public GateVerdict judge(PointAggregate point) {
        Measurement measurement = metric.measure(point);
        if (measurement instanceof Measurement.Share share) {
            return judgeRate(share.proportion());
        }
        return judgeAmount((Measurement.Amount) measurement, point);
    }

    private GateVerdict judgeRate(Proportion p) {
        if (p.trials() == 0) {
            // Nothing to judge (sessions in a report from before them) is not a pass.
            return new GateVerdict(this, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false,
                    metric.key() + " FAILED: nothing to measure the rate over (0 trials)");
        }
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

    // A value without an interval is judged on the estimate, whatever judgedOn says.
    private GateVerdict judgeAmount(Measurement.Amount amount, PointAggregate point) {
        if (!amount.present()) {
            String message = metric.key() + " FAILED: no " + amount.population() + " to measure (" + point.runs() + " runs)";
            return new GateVerdict(this, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, message);
        }
        Unit unit = metric.unit();
        double measured = unit.toReported(amount.value());
        boolean passed = operator.holds(measured, bound);
        String message = String.format(Locale.ROOT, "%s %s: %s%s %s %s%s over %d %s (estimate; no interval)",
                metric.key(), passed ? "passed" : "FAILED", format(measured), unit.suffix(), passed ? operator.symbol() : negated(),
                format(bound), unit.suffix(), amount.over(), amount.population());
        return new GateVerdict(this, measured, measured, measured, measured, passed, message);
    }

    private String negated() {
        return operator == GateOperator.AT_LEAST ? "<" : ">";
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
