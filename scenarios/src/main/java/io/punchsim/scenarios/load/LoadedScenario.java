package io.punchsim.scenarios.load;

import io.punchsim.reports.precision.Precision;
import io.punchsim.scenarios.model.Scenario;
import io.punchsim.scenarios.sweep.SweepPoint;
import io.punchsim.scenarios.sweep.SweepSpec;
import io.punchsim.scenarios.tune.TuneSpec;
import java.util.List;
import java.util.Optional;

/**
 * A validated scenario file: the base scenario and the grid of points to run. Without a sweep
 * there is exactly one point, with no axis values, whose scenario is the base. {@code precision}
 * is the file's {@code precision:} section, empty when each point runs the file's {@code seeds};
 * {@code tune} its {@code tune:} section, which only {@code punchsim tune} reads.
 */
public record LoadedScenario(String file, Scenario base, SweepSpec sweep, List<SweepPoint> points, Optional<Precision> precision,
                             Optional<TuneSpec> tune) {
    public LoadedScenario {
        points = List.copyOf(points);
        if (precision == null || tune == null) {
            throw new IllegalArgumentException("precision and tune must not be null; empty when the file has none");
        }
    }

    /** A file without a precision or a tune section. */
    public LoadedScenario(String file, Scenario base, SweepSpec sweep, List<SweepPoint> points) {
        this(file, base, sweep, points, Optional.empty(), Optional.empty());
    }
}
