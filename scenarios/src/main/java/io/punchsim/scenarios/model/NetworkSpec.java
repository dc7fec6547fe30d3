package io.punchsim.scenarios.model;

import java.util.Map;

/**
 * The peers of one game session and where the shared services sit: one host and {@code clients}
 * clients that join its session, each client drawing its own NAT, link and delays from {@code
 * client}. With {@code sameLan} every client is behind the host's NAT (the client's own NAT is then
 * {@link PresetNat} {@code open} and unused). {@code peerPath} is the stretch of internet between the
 * host's and a client's access links ({@code up} from host to client), which the cloud and STUN
 * traffic does not cross: by default instant and lossless. {@code sharedNats} are the NATs declared
 * once that several peers' chains end in ({@link SharedNat}), by name in file order.
 */
public record NetworkSpec(PeerSpec host, PeerSpec client, int clients, boolean sameLan, PlacementSpec cloud,
        PlacementSpec stun, LinkSpec peerPath, Map<String, NatSpec> sharedNats) {

    public NetworkSpec {
        if (clients < 1) {
            throw new IllegalArgumentException("a session has at least one client, not " + clients);
        }
        sharedNats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sharedNats));
    }

    /** One client and no shared NAT: the network every scenario without a {@code session} section has. */
    public NetworkSpec(PeerSpec host, PeerSpec client, boolean sameLan, PlacementSpec cloud, PlacementSpec stun,
            LinkSpec peerPath) {
        this(host, client, 1, sameLan, cloud, stun, peerPath, Map.of());
    }

    /** The same network with other peers (the matrix command sets pairs of NATs). */
    public NetworkSpec withPeers(PeerSpec host, PeerSpec client) {
        return new NetworkSpec(host, client, clients, sameLan, cloud, stun, peerPath, sharedNats);
    }
}
