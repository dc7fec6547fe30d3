package io.punchsim.scenarios.sweep;

import java.util.List;

/** The axes of a sweep in file order; the grid is their full product. */
public record SweepSpec(List<SweepAxis> axes) {
    public SweepSpec {
        axes = List.copyOf(axes);
    }

    public static SweepSpec none() {
        return new SweepSpec(List.of());
    }

    /** Number of grid points: the product of the axis sizes (1 without axes). */
    public long size() {
        long n = 1;
        for (SweepAxis axis : axes) {
            n *= axis.values().size();
        }
        return n;
    }
}
