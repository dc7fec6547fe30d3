package io.punchsim.scenarios.model;

/**
 * A peer's NAT: a named preset, custom behaviours, a chain of NATs, or a weighted mix drawn per run
 * (whose options a population names); the outermost NAT may be one shared with other peers.
 */
public sealed interface NatSpec permits PresetNat, CustomNat, NatChain, NatMix, NamedNat, SharedNat {

    /** A short label for reports, e.g. {@code symmetric} or {@code port-restricted-cone>cgnat}. */
    String label();
}
