package io.punchsim.scenarios.model;

import java.util.List;

/**
 * One fully resolved scenario: every default filled in, every value validated. Durations are
 * nanoseconds, rates are in [0, 1].
 */
public record Scenario(
        String name,
        String description,
        NetworkSpec network,
        ProtocolSpec protocol,
        List<FaultSpec> faults,
        int seeds,
        long rootSeed,
        List<GateSpec> gates) {

    public Scenario {
        faults = List.copyOf(faults);
        gates = List.copyOf(gates);
    }
}
