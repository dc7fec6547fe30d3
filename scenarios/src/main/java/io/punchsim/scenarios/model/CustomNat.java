package io.punchsim.scenarios.model;

import java.util.Optional;

/**
 * A NAT given by its behaviours. With a {@code base} preset only the fields present override the
 * preset (the preset's own values live with the NAT models); without one every field is present,
 * filled from the scenario defaults.
 */
public record CustomNat(Optional<NatPreset> base, NatBehaviour behaviour) implements NatSpec {
    @Override
    public String label() {
        return base.map(p -> p.key() + "+custom").orElse("custom");
    }
}
