package io.punchsim.scenarios.load;

import io.punchsim.scenarios.model.Scenario;
import io.punchsim.scenarios.sweep.SweepPoint;
import io.punchsim.scenarios.sweep.SweepSpec;
import java.util.List;

/**
 * A validated scenario file: the base scenario and the grid of points to run. Without a sweep
 * there is exactly one point, with no axis values, whose scenario is the base.
 */
public record LoadedScenario(String file, Scenario base, SweepSpec sweep, List<SweepPoint> points) {
    public LoadedScenario {
        points = List.copyOf(points);
    }
}
