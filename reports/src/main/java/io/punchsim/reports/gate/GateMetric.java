package io.punchsim.reports.gate;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.stats.Proportion;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** What a gate measures on a sweep point. Rates are fractions; times are seconds, from K1, over connected runs. */
public enum GateMetric {
    DIRECT_RATE("direct-rate"),
    RELAYED_RATE("relayed-rate"),
    FAILED_RATE("failed-rate"),
    SUCCESS_RATE("success-rate"),
    CONNECT_TIME_P50("connect-time-p50"),
    CONNECT_TIME_P90("connect-time-p90"),
    CONNECT_TIME_P95("connect-time-p95"),
    CONNECT_TIME_P99("connect-time-p99"),
    CONNECT_TIME_MAX("connect-time-max");

    private final String key;

    GateMetric(String key) {
        this.key = key;
    }

    /** The name used in scenario files and reports. */
    public String key() {
        return key;
    }

    public boolean isRate() {
        return ordinal() <= SUCCESS_RATE.ordinal();
    }

    public static GateMetric parse(String key) {
        for (GateMetric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown gate metric '" + key + "'; known: "
                + Arrays.stream(values()).map(GateMetric::key).collect(Collectors.joining(", ")));
    }

    /** The rate with its Wilson interval; only for rate metrics. */
    public Proportion proportion(PointAggregate point) {
        return switch (this) {
            case DIRECT_RATE -> point.rate(Outcome.DIRECT);
            case RELAYED_RATE -> point.rate(Outcome.RELAYED);
            case FAILED_RATE -> point.rate(Outcome.FAILED);
            case SUCCESS_RATE -> point.successRate();
            default -> throw new IllegalStateException(key + " is not a rate");
        };
    }

    /** The percentile (0..100) of connect time from K1; only for time metrics. */
    public double percentile() {
        return switch (this) {
            case CONNECT_TIME_P50 -> 50;
            case CONNECT_TIME_P90 -> 90;
            case CONNECT_TIME_P95 -> 95;
            case CONNECT_TIME_P99 -> 99;
            case CONNECT_TIME_MAX -> 100;
            default -> throw new IllegalStateException(key + " is not a connect time");
        };
    }

    /** The connect time in nanoseconds at this metric's percentile; -1 when no run connected. */
    public long connectNanos(PointAggregate point) {
        Histogram h = point.connectTimeFromK1();
        if (h.getTotalCount() == 0) {
            return -1;
        }
        return this == CONNECT_TIME_MAX ? h.getMaxValue() : h.getValueAtPercentile(percentile());
    }
}
