package io.punchsim.reports.sweep;

import java.util.List;

/**
 * Which scenario a report describes.
 *
 * @param name          the scenario's name
 * @param contentDigest a digest of the scenario's resolved content (after defaults), so two reports
 *                      can tell whether they ran the same settings
 * @param axes          the sweep axes, in order; empty for a single point
 */
public record ScenarioIdentity(String name, String contentDigest, List<SweepAxis> axes) {

    public ScenarioIdentity {
        if (name == null || contentDigest == null) {
            throw new IllegalArgumentException("scenario name and digest must not be null");
        }
        axes = List.copyOf(axes);
    }

    /** Points of the grid the axes span: the product of their sizes, {@link Long#MAX_VALUE} if that overflows. */
    public long gridSize() {
        long size = 1;
        for (SweepAxis axis : axes) {
            try {
                size = Math.multiplyExact(size, axis.values().size());
            } catch (ArithmeticException tooMany) {
                return Long.MAX_VALUE;
            }
        }
        return size;
    }

    /**
     * Every point of the grid, first axis slowest, as parameters (axis → value); one empty map
     * without axes. Call only when {@link #gridSize} is small enough to list.
     */
    public List<java.util.Map<String, String>> grid() {
        List<java.util.Map<String, String>> grid = new java.util.ArrayList<>();
        grid.add(new java.util.LinkedHashMap<>());
        for (SweepAxis axis : axes) {
            List<java.util.Map<String, String>> next = new java.util.ArrayList<>();
            for (java.util.Map<String, String> prefix : grid) {
                for (String value : axis.values()) {
                    java.util.Map<String, String> point = new java.util.LinkedHashMap<>(prefix);
                    point.put(axis.name(), value);
                    next.add(point);
                }
            }
            grid = next;
        }
        return grid;
    }

    /** Same scenario for comparison: same name and the same axes with the same values. */
    public boolean sameScenarioAs(ScenarioIdentity other) {
        return name.equals(other.name) && axes.equals(other.axes);
    }
}
