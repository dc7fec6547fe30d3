package io.punchsim.sim.link;

/** Draws one delay in nanoseconds; bound to a random stream for one run. */
@FunctionalInterface
public interface LatencySampler {
    long sample();
}
