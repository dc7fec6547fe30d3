package io.punchsim.scenarios.run;

import io.punchsim.scenarios.sweep.SweepPoint;

/**
 * A run that threw inside the simulator: a bug, never bad input. It names the point and the seed,
 * so the run can be replayed alone ({@code punchsim trace FILE --point K --seed N}).
 */
public final class RunFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient SweepPoint point;
    private final long seed;

    public RunFailedException(SweepPoint point, long seed, RuntimeException cause) {
        super("the run with seed " + seed + (point.values().isEmpty() ? "" : " of sweep point " + (point.index() + 1)
                + " (" + point.label() + ")") + " failed: " + cause, cause);
        this.point = point;
        this.seed = seed;
    }

    /** The point whose run failed; its {@link SweepPoint#index()} is its place in the grid, from 0. */
    public SweepPoint point() {
        return point;
    }

    public long seed() {
        return seed;
    }
}
