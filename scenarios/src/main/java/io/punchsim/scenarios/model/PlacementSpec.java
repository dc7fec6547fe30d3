package io.punchsim.scenarios.model;

/** Where a service (cloud or STUN) sits: the one-way latency from each peer's network to it. */
public record PlacementSpec(LatencySpec fromHost, LatencySpec fromClient) {
}
