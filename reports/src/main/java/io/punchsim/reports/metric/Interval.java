package io.punchsim.reports.metric;

/**
 * A metric's estimate at one point with its 95% interval, in the metric's unit (times in
 * nanoseconds). What decides between settings that are close, as {@code punchsim tune} does,
 * needs an interval for every metric, not only for rates.
 *
 * @param kind how the interval was found
 */
public record Interval(double estimate, double lower, double upper, Kind kind) {

    /** How an interval is found, by the kind of reading. */
    public enum Kind {
        /** A rate: the Wilson score interval. */
        WILSON,
        /** A percentile below the maximum: the distribution-free interval of binomial order statistics. */
        ORDER_STATISTICS,
        /** A mean: the normal approximation, mean ± 1.96 × sd / √n, with the sd of the per-run values. */
        NORMAL,
        /** No interval (a maximum, or one value): lower and upper are the estimate. */
        NONE
    }

    /** Nothing measured: a connect time where nothing connected. */
    public static Interval absent() {
        return new Interval(Double.NaN, Double.NaN, Double.NaN, Kind.NONE);
    }

    /** A value without an interval. */
    public static Interval point(double value) {
        return new Interval(value, value, value, Kind.NONE);
    }

    public boolean present() {
        return !Double.isNaN(estimate);
    }
}
