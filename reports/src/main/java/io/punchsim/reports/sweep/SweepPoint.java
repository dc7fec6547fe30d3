package io.punchsim.reports.sweep;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.GateVerdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One point of the sweep grid: its parameter values (axis → value, in axis order), what its runs
 * produced, and the gates judged on it.
 */
public record SweepPoint(Map<String, String> parameters, PointAggregate aggregate, List<GateVerdict> verdicts) {

    public SweepPoint {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        verdicts = List.copyOf(verdicts);
    }

    /** e.g. {@code attempt-interval=500ms, attempt-limit=10}; {@code (single point)} without axes. */
    public String label() {
        return label(parameters);
    }

    /** The label of a point with these parameters. */
    public static String label(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "(single point)";
        }
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    public boolean passed() {
        return verdicts.stream().allMatch(GateVerdict::passed);
    }
}
