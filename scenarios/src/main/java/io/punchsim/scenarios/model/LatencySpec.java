package io.punchsim.scenarios.model;

import java.util.List;

/** A distribution of delays, in nanoseconds; draws below zero are clamped to zero. */
public sealed interface LatencySpec {

    record Constant(long nanos) implements LatencySpec {
    }

    record Uniform(long lowNanos, long highNanos) implements LatencySpec {
    }

    /** Normal, truncated at zero. */
    record Normal(long meanNanos, long sdNanos) implements LatencySpec {
    }

    /** Log-normal given by its median and the standard deviation of the underlying normal. */
    record LogNormal(long medianNanos, double sigma) implements LatencySpec {
    }

    /** Pareto (type I): minimum {@code scale}, tail index {@code shape}. */
    record Pareto(long scaleNanos, double shape) implements LatencySpec {
    }

    /** Discrete values with probabilities that sum to 1. */
    record Empirical(List<Point> points) implements LatencySpec {
        public Empirical {
            points = List.copyOf(points);
        }
    }

    record Point(long nanos, double probability) {
    }
}
