package io.punchsim.scenarios.model;

import io.punchsim.nat.NatBehaviour;
import io.punchsim.nat.NatPreset;
import java.util.Optional;

/**
 * A NAT given by its behaviours: the {@code base} preset (or {@link ScenarioDefaults#CUSTOM_NAT})
 * with the file's keys applied, resolved when the file is read.
 *
 * @param externalAddresses how many external addresses it owns
 */
public record CustomNat(Optional<NatPreset> base, NatBehaviour behaviour, int externalAddresses) implements NatSpec {
    @Override
    public String label() {
        return base.map(p -> p.name() + "+custom").orElse("custom");
    }
}
