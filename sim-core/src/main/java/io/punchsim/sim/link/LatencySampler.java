package io.punchsim.sim.link;

/**
 * Draws one delay in nanoseconds from the random stream it is bound to. It keeps no state of its own
 * between draws (every draw depends on the stream alone), so a channel reset for another run, whose
 * stream is reseeded, keeps its samplers.
 */
@FunctionalInterface
public interface LatencySampler {
    long sample();
}
