package io.punchsim.scenarios.link;

import io.punchsim.scenarios.model.LatencySpec;
import io.punchsim.scenarios.model.LinkSpec;
import io.punchsim.scenarios.model.LossSpec;

/**
 * A named kind of access link, as network emulators offer it: a one-way delay with a spread
 * ({@code delay ± spread}) and a loss rate, the same both ways.
 *
 * @param delayNanos  the middle of the one-way delay
 * @param spreadNanos how far a packet's delay lies from the middle, at most
 * @param loss        Bernoulli loss rate
 */
public record LinkPreset(String name, String description, long delayNanos, long spreadNanos, double loss, String source) {

    public LinkPreset {
        if (spreadNanos < 0 || spreadNanos > delayNanos) {
            throw new IllegalArgumentException(name + ": the spread must lie within the delay");
        }
    }

    /** How the emulators' "delay ± spread" is read here, as no source says what shape the spread has. */
    public static final String SHAPE_ASSUMPTION = "assumption: the spread is read as uniform in [delay - spread, delay + spread]"
            + " (a latency of delay - spread plus a jitter of up to twice the spread), packets kept in order, both"
            + " directions alike";

    /**
     * One direction of the link: a latency of {@code delay - spread} plus a jitter of up to {@code
     * 2 × spread}, so each packet's delay is uniform in {@code [delay - spread, delay + spread]}.
     */
    public LinkSpec.Direction direction() {
        return new LinkSpec.Direction(new LatencySpec.Constant(delayNanos - spreadNanos), 2 * spreadNanos, true,
                new LossSpec.Bernoulli(loss), 0.0);
    }
}
