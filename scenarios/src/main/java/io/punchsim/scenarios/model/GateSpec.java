package io.punchsim.scenarios.model;

/**
 * A pass/fail rule on a report. {@code threshold} is a rate in [0, 1] for rate metrics and
 * nanoseconds for time metrics.
 */
public record GateSpec(Metric metric, Bound bound, double threshold, JudgedOn judgedOn) {

    public enum Metric {
        DIRECT_RATE("direct-rate", false),
        RELAYED_RATE("relayed-rate", false),
        FAILED_RATE("failed-rate", false),
        SUCCESS_RATE("success-rate", false),
        CONNECT_TIME_P50("connect-time-p50", true),
        CONNECT_TIME_P90("connect-time-p90", true),
        CONNECT_TIME_P95("connect-time-p95", true),
        CONNECT_TIME_P99("connect-time-p99", true),
        CONNECT_TIME_MAX("connect-time-max", true);

        private final String key;
        private final boolean time;

        Metric(String key, boolean time) {
            this.key = key;
            this.time = time;
        }

        public String key() {
            return key;
        }

        public boolean isTime() {
            return time;
        }
    }

    public enum Bound { AT_LEAST, AT_MOST }

    /**
     * {@code INTERVAL} judges the 95% interval's conservative end: the lower bound for
     * {@code at-least}, the upper bound for {@code at-most}.
     */
    public enum JudgedOn { ESTIMATE, INTERVAL }
}
