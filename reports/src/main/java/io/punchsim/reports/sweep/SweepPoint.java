package io.punchsim.reports.sweep;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.GateVerdict;
import io.punchsim.reports.precision.PrecisionStop;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One point of the sweep grid: its parameter values (axis → value, in axis order), what its runs
 * produced, the gates judged on it, and, when it ran to a precision, where and why it stopped.
 */
public record SweepPoint(Map<String, String> parameters, PointAggregate aggregate, List<GateVerdict> verdicts,
                         Optional<PrecisionStop> stop) {

    public SweepPoint {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        verdicts = List.copyOf(verdicts);
        if (stop == null) {
            throw new IllegalArgumentException("stop must not be null; empty for a fixed seed count");
        }
    }

    /** A point that ran a fixed number of seeds. */
    public SweepPoint(Map<String, String> parameters, PointAggregate aggregate, List<GateVerdict> verdicts) {
        this(parameters, aggregate, verdicts, Optional.empty());
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
