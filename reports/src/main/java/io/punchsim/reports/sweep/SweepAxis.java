package io.punchsim.reports.sweep;

import java.util.List;

/** One swept parameter and its values, in sweep order, as the scenario spells them. */
public record SweepAxis(String name, List<String> values) {

    public SweepAxis {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("axis name must not be blank");
        }
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("axis '" + name + "' has no values");
        }
    }
}
