package io.punchsim.scenarios.model;

import io.punchsim.nat.NatPreset;

/** A NAT exactly as its preset in the registry defines it. */
public record PresetNat(NatPreset preset) implements NatSpec {
    @Override
    public String label() {
        return preset.name();
    }
}
