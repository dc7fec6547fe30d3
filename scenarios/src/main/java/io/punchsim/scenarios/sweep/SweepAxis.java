package io.punchsim.scenarios.sweep;

import java.util.List;

/** One sweep axis: a dotted key path and the values it takes, as written in the file. */
public record SweepAxis(String path, List<String> values) {
    public SweepAxis {
        values = List.copyOf(values);
    }
}
