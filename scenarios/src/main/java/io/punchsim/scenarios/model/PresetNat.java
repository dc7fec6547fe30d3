package io.punchsim.scenarios.model;

/** A NAT exactly as its preset defines it. */
public record PresetNat(NatPreset preset) implements NatSpec {
    @Override
    public String label() {
        return preset.key();
    }
}
