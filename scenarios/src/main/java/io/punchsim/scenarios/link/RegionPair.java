package io.punchsim.scenarios.link;

/**
 * The one-way latency between two regions of the world, for placing a service (the cloud, the STUN
 * server) in another region than the peers: {@code network.cloud: {region: us-eu}}.
 */
public record RegionPair(String name, String description, long oneWayNanos, String source) {
}
