package io.punchsim.scenarios.model;

/**
 * The two peers and where the shared services sit. With {@code sameLan} both peers are behind the
 * host's NAT (the client's own NAT is then {@link PresetNat} {@code open} and unused). {@code peerPath}
 * is the stretch of internet between the two peers' access links ({@code up} from host to client),
 * which the cloud and STUN traffic does not cross: by default instant and lossless.
 */
public record NetworkSpec(PeerSpec host, PeerSpec client, boolean sameLan, PlacementSpec cloud, PlacementSpec stun,
        LinkSpec peerPath) {
}
