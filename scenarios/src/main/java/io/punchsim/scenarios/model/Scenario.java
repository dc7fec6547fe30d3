package io.punchsim.scenarios.model;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.reports.gate.Gate;
import java.util.List;

/**
 * One fully resolved scenario: every default filled in, every value validated. Durations are
 * nanoseconds, rates are in [0, 1]. The protocol is the state machines' own config: the binder
 * builds it from {@code ProtocolParameters}, with the start-up delay left to each peer's spec.
 * Gates are the reports' own, with bounds in the metric's reported unit (seconds for times).
 */
public record Scenario(
        String name,
        String description,
        NetworkSpec network,
        ProtocolConfig protocol,
        List<FaultSpec> faults,
        int seeds,
        long rootSeed,
        List<Gate> gates) {

    public Scenario {
        faults = List.copyOf(faults);
        gates = List.copyOf(gates);
    }
}
