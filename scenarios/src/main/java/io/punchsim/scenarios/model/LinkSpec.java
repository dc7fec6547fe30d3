package io.punchsim.scenarios.model;

/** A peer's access link; {@code up} is from the peer toward the internet, {@code down} the reverse. */
public record LinkSpec(Direction up, Direction down) {

    /** One direction of a link. */
    public record Direction(LatencySpec latency, long jitterNanos, boolean fifo, LossSpec loss, double duplication) {
    }
}
