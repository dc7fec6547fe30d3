package io.punchsim.scenarios.sweep;

import java.math.BigInteger;
import java.util.List;

/** The axes of a sweep in file order; the grid is their full product. */
public record SweepSpec(List<SweepAxis> axes) {
    public SweepSpec {
        axes = List.copyOf(axes);
    }

    public static SweepSpec none() {
        return new SweepSpec(List.of());
    }

    /** Number of grid points, exactly: the product of the axis sizes (1 without axes). */
    public BigInteger exactSize() {
        BigInteger n = BigInteger.ONE;
        for (SweepAxis axis : axes) {
            n = n.multiply(BigInteger.valueOf(axis.values().size()));
        }
        return n;
    }

    /** Number of grid points, or {@link Long#MAX_VALUE} when there are more (a grid never wraps to a small number). */
    public long size() {
        BigInteger n = exactSize();
        return n.bitLength() < Long.SIZE ? n.longValue() : Long.MAX_VALUE;
    }
}
