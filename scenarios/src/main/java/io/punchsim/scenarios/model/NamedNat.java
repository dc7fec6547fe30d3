package io.punchsim.scenarios.model;

/**
 * A NAT drawn from a population, known in reports by its entry's name (e.g. {@code
 * symmetric-behind-cgnat}) rather than by its behaviours; it runs exactly as {@code nat}.
 */
public record NamedNat(String name, NatSpec nat) implements NatSpec {
    @Override
    public String label() {
        return name;
    }
}
