package io.punchsim.scenarios.sweep;

import io.punchsim.scenarios.model.Scenario;
import java.util.Map;
import java.util.stream.Collectors;

/** One point of the grid: each axis's value (in axis order) and the scenario they resolve to. */
public record SweepPoint(int index, Map<String, String> values, Scenario scenario) {
    public SweepPoint {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** e.g. {@code protocol.attempt-interval=250ms, protocol.attempt-limit=8}; empty without axes. */
    public String label() {
        return label(values);
    }

    /** The label of a point with these axis values. */
    public static String label(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
