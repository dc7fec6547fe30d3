package io.punchsim.nat;

/**
 * A named NAT behaviour that scenarios refer to.
 *
 * @param name the name scenarios use, such as {@code port-restricted-cone}
 * @param behaviour its settings
 * @param source where the behaviour comes from (an RFC, an observed implementation)
 */
public record NatPreset(String name, NatBehaviour behaviour, String source) {}
