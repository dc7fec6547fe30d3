package io.punchsim.scenarios.model;

import java.util.List;

/**
 * A population of NATs: each run draws one option by weight from its seed. Weights sum to 1; no
 * option is itself a mix.
 */
public record NatMix(List<Option> options) implements NatSpec {
    public NatMix {
        options = List.copyOf(options);
    }

    public record Option(NatSpec nat, double weight) {
    }

    @Override
    public String label() {
        return "mix";
    }

    /** The option a uniform draw {@code u} in [0, 1) selects, by cumulative weight in file order. */
    public NatSpec pick(double u) {
        double cumulative = 0;
        for (Option option : options) {
            cumulative += option.weight();
            if (u < cumulative) {
                return option.nat();
            }
        }
        return options.get(options.size() - 1).nat();
    }
}
