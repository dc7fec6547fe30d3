package io.punchsim.scenarios.tune;

import io.punchsim.reports.metric.Interval;
import io.punchsim.reports.metric.Metric;

/** A registered metric and which way the tune pushes it: {@code {maximize: direct-rate}}. */
public record Objective(Metric metric, Direction direction) {

    public enum Direction {
        MAXIMIZE("maximize"),
        MINIMIZE("minimize");

        private final String key;

        Direction(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public Objective {
        if (metric == null || direction == null) {
            throw new IllegalArgumentException("an objective needs a metric and a direction");
        }
    }

    /**
     * An interval turned so that higher is better: {@code [conservative, estimate, optimistic]}. A
     * metric with nothing to measure (a connect time where nothing connected) is the worst there is.
     */
    public double[] oriented(Interval interval) {
        if (!interval.present()) {
            double worst = Double.NEGATIVE_INFINITY;
            return new double[] {worst, worst, worst};
        }
        return direction == Direction.MAXIMIZE
                ? new double[] {interval.lower(), interval.estimate(), interval.upper()}
                : new double[] {-interval.upper(), -interval.estimate(), -interval.lower()};
    }

    /** e.g. {@code maximize direct-rate}. */
    public String describe() {
        return direction.key() + " " + metric.key();
    }

    /** The best of two words: {@code lowest} or {@code highest}. */
    public String best() {
        return direction == Direction.MAXIMIZE ? "highest" : "lowest";
    }
}
