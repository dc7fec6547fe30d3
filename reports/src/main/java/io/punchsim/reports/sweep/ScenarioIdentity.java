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

    /** Same scenario for comparison: same name and the same axes with the same values. */
    public boolean sameScenarioAs(ScenarioIdentity other) {
        return name.equals(other.name) && axes.equals(other.axes);
    }
}
