package io.punchsim.spark;

import java.io.Serializable;

/**
 * One task of the engine: runs {@code from} (inclusive) to {@code to} (exclusive) of point
 * {@code point} (an index into the job's points). The run numbers are the job's own, so run
 * {@code i} uses seed {@code root-seed + i} on whichever executor runs it.
 */
public record SeedRange(int point, long from, long to) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SeedRange {
        if (point < 0 || from < 0 || to <= from) {
            throw new IllegalArgumentException("not a seed range: point " + point + ", runs " + from + ".." + to);
        }
    }

    public long runs() {
        return to - from;
    }

    @Override
    public String toString() {
        return "point " + point + ", runs " + from + ".." + to;
    }
}
