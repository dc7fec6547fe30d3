package io.punchsim.scenarios.model;

/**
 * The two peers and where the shared services sit. With {@code sameLan} both peers are behind the
 * host's NAT (the client's own NAT is then {@link PresetNat} {@code open} and unused).
 */
public record NetworkSpec(PeerSpec host, PeerSpec client, boolean sameLan, PlacementSpec cloud, PlacementSpec stun) {
}
