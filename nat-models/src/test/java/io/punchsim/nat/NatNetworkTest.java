package io.punchsim.nat;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.net.Endpoint;
import io.punchsim.sim.net.Host;
import io.punchsim.sim.net.Network;
import io.punchsim.sim.topology.Topology;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** NAT nodes on the virtual network: hairpinning, two levels of nesting, and losing all mappings. */
class NatNetworkTest {

    private static final long SEED = 11;
    private static final int HOME_IP = Endpoint.of("203.0.113.1", 0).ip();

    private static Topology oneNatTwoHosts() {
        return Topology.builder()
                .node("internet")
                .node("echo", "192.0.2.1")
                .node("server", "192.0.2.50")
                .node("nat", "203.0.113.1")
                .node("host-a", "10.0.1.2")
                .node("host-b", "10.0.1.3")
                .link("echo", "internet", Lab.link(5))
                .link("server", "internet", Lab.link(5))
                .link("nat", "internet", Lab.link(10))
                .link("host-a", "nat", Lab.link(1))
                .link("host-b", "nat", Lab.link(1))
                .build();
    }

    private static Network hairpinNetwork(boolean hairpinning) {
        Network network = new Network(oneNatTwoHosts(), SEED);
        network.bind("nat", new NatNode(NatPresets.FULL_CONE.withHairpinning(hairpinning), network.node("internet")));
        return network;
    }

    @Test
    void aPeerReachesAnotherBehindTheSameNatThroughItsExternalAddressWithTheExternalSource() {
        Network network = hairpinNetwork(true);
        Endpoint echo = Lab.echo(network, "echo");
        Lab.Peer a = new Lab.Peer(network, "host-a", 4000);
        Lab.Peer b = new Lab.Peer(network, "host-b", 4000);
        a.query(echo, 0);
        b.query(echo, 0);
        a.ping(() -> b.reflexive, 100 * Lab.MS, 1);
        network.loop().runUntil(1_000 * Lab.MS);
        assertThat(a.reflexive).isEqualTo(new Endpoint(HOME_IP, 4000));
        assertThat(b.reflexive.ip()).isEqualTo(HOME_IP);
        // RFC 4787 REQ-9: B sees A's external endpoint, and B's answer to it hairpins back to A.
        assertThat(b.fromPeers).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo(a.reflexive));
        assertThat(a.fromPeers).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo(b.reflexive));
    }

    @Test
    void withoutHairpinningTheDatagramDiesAtTheNat() {
        Network network = hairpinNetwork(false);
        Lab.Drops drops = new Lab.Drops();
        network.trace(drops);
        Endpoint echo = Lab.echo(network, "echo");
        Lab.Peer a = new Lab.Peer(network, "host-a", 4000);
        Lab.Peer b = new Lab.Peer(network, "host-b", 4000);
        a.query(echo, 0);
        b.query(echo, 0);
        a.ping(() -> b.reflexive, 100 * Lab.MS, 1);
        network.loop().runUntil(1_000 * Lab.MS);
        assertThat(b.reflexive).isNotNull();
        assertThat(b.fromPeers).isEmpty();
        assertThat(drops.seen).containsExactly("nat:NO_ROUTE");
    }

    @Test
    void afterTheNatLosesItsMappingsTheServersRepliesAreFiltered() {
        Network network = new Network(oneNatTwoHosts(), SEED);
        NatNode nat = network.bind("nat", new NatNode(NatPresets.PORT_RESTRICTED_CONE, network.node("internet")));
        nat.loseMappingsAt(500 * Lab.MS);
        Lab.Drops drops = new Lab.Drops();
        network.trace(drops);
        Endpoint echo = Lab.echo(network, "echo");
        Lab.Peer a = new Lab.Peer(network, "host-a", 4000);
        a.query(echo, 0);
        network.loop().runUntil(400 * Lab.MS);
        assertThat(a.reflexive).isNotNull();
        assertThat(nat.table().mappingCount(network.now())).isEqualTo(1);
        // The echo answers a second query only after the mappings are gone: it is filtered.
        network.scheduler().schedule(480 * Lab.MS, () -> a.socket.send(echo, Lab.QUERY));
        Endpoint before = a.reflexive;
        a.reflexive = null;
        network.loop().runUntil(1_000 * Lab.MS);
        assertThat(a.reflexive).isNull();
        assertThat(drops.seen).containsExactly("nat:FILTERED");
        // A new query makes a new mapping; the port is free again, so it is preserved as before.
        a.query(echo, 1_100 * Lab.MS);
        network.loop().runUntil(2_000 * Lab.MS);
        assertThat(a.reflexive).isEqualTo(before);
    }

    private static Topology homeBehindCarrier() {
        return Topology.builder()
                .node("internet")
                .node("echo", "192.0.2.1")
                .node("server", "192.0.2.50")
                .node("cgnat", "198.18.0.1", "198.18.0.2")
                .node("home-a", "100.64.0.2")
                .node("host-a", "10.0.1.2")
                .node("home-b", "100.64.0.3")
                .node("host-b", "10.0.2.2")
                .link("echo", "internet", Lab.link(5))
                .link("server", "internet", Lab.link(5))
                .link("cgnat", "internet", Lab.link(10))
                .link("home-a", "cgnat", Lab.link(3))
                .link("home-b", "cgnat", Lab.link(3))
                .link("host-a", "home-a", Lab.link(1))
                .link("host-b", "home-b", Lab.link(1))
                .build();
    }

    @Test
    void aPeerBehindAHomeNatBehindACarrierNatIsTranslatedAndFilteredByBoth() {
        Network network = new Network(homeBehindCarrier(), SEED);
        NatNode cgnat = network.bind("cgnat", new NatNode(NatPresets.CGNAT, network.node("internet")));
        network.bind("home-a", new NatNode(NatPresets.PORT_RESTRICTED_CONE, cgnat));
        Lab.Drops drops = new Lab.Drops();
        network.trace(drops);
        Endpoint echo = Lab.echo(network, "echo");
        Host serverHost = network.host("server");
        Lab.Peer server = new Lab.Peer(network, serverHost, 7000);
        Lab.Peer serverOtherPort = new Lab.Peer(network, serverHost, 7001);
        Lab.Peer a = new Lab.Peer(network, "host-a", 4000);
        a.query(echo, 0);
        network.loop().runUntil(100 * Lab.MS);
        // The reflexive address is on the carrier's pool, not the home NAT's 100.64.0.2.
        assertThat(a.reflexive.ip()).isIn(Endpoint.of("198.18.0.1", 0).ip(), Endpoint.of("198.18.0.2", 0).ip());
        // A pings the server, which answers the observed source through both NATs.
        a.ping(() -> server.socket.local(), 200 * Lab.MS, 1);
        network.loop().runUntil(300 * Lab.MS);
        assertThat(server.fromPeers).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo(a.reflexive));
        assertThat(a.fromPeers).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo(server.socket.local()));
        // From another port of the same address: the carrier (ADF) lets it in, the home NAT (APDF) does not.
        serverOtherPort.ping(() -> a.reflexive, 400 * Lab.MS, 1);
        network.loop().runUntil(500 * Lab.MS);
        assertThat(a.fromPeers).hasSize(1);
        assertThat(drops.seen).containsExactly("home-a:FILTERED");
    }

    @Test
    void twoHomeNatsBehindOneCarrierNatReachEachOtherByHairpinningAtTheCarrier() {
        Network network = new Network(homeBehindCarrier(), SEED);
        NatNode cgnat = network.bind("cgnat", new NatNode(NatPresets.CGNAT, network.node("internet")));
        network.bind("home-a", new NatNode(NatPresets.FULL_CONE, cgnat));
        network.bind("home-b", new NatNode(NatPresets.FULL_CONE, cgnat));
        Endpoint echo = Lab.echo(network, "echo");
        Lab.Peer a = new Lab.Peer(network, "host-a", 4000);
        Lab.Peer b = new Lab.Peer(network, "host-b", 4000);
        a.query(echo, 0);
        b.query(echo, 0);
        // Both ping so the carrier's address-dependent filter is open toward each other's pool address.
        a.ping(() -> b.reflexive, 100 * Lab.MS, 3);
        b.ping(() -> a.reflexive, 100 * Lab.MS, 3);
        network.loop().runUntil(1_000 * Lab.MS);
        assertThat(b.fromPeers).isNotEmpty().allSatisfy(d -> assertThat(d.source()).isEqualTo(a.reflexive));
        assertThat(a.fromPeers).isNotEmpty().allSatisfy(d -> assertThat(d.source()).isEqualTo(b.reflexive));
    }

    @Test
    void aDatagramFromOutsideToAnAddressTheNatDoesNotOwnIsNotRouted() {
        Network network = new Network(oneNatTwoHosts(), SEED);
        network.bind("nat", new NatNode(NatPresets.FULL_CONE, List.of(HOME_IP), network.node("internet")));
        Lab.Drops drops = new Lab.Drops();
        network.trace(drops);
        Lab.Peer server = new Lab.Peer(network, "server", 7000);
        Lab.Peer a = new Lab.Peer(network, "host-a", 4000);
        server.ping(() -> a.socket.local(), 0, 1);
        network.loop().runUntil(100 * Lab.MS);
        assertThat(a.fromPeers).isEmpty();
        assertThat(drops.seen).containsExactly("nat:NO_ROUTE");
    }

    private static Topology publicHostBehindFirewall() {
        return Topology.builder()
                .node("internet")
                .node("server", "192.0.2.50")
                .node("firewall")
                .node("host-a", "198.51.100.20")
                .link("server", "internet", Lab.link(5))
                .link("firewall", "internet", Lab.link(10))
                .link("host-a", "firewall", Lab.link(1))
                .build();
    }

    @Test
    void aFirewallKeepsAddressesAndLetsInOnlyReplies() {
        Network network = new Network(publicHostBehindFirewall(), SEED);
        network.bind("firewall", new NatNode(NatPresets.FIREWALL, network.node("internet")));
        Lab.Drops drops = new Lab.Drops();
        network.trace(drops);
        Lab.Peer server = new Lab.Peer(network, "server", 7000);
        Lab.Peer a = new Lab.Peer(network, "host-a", 4000);
        server.ping(() -> a.socket.local(), 0, 1);
        network.loop().runUntil(100 * Lab.MS);
        assertThat(a.fromPeers).isEmpty();
        assertThat(drops.seen).containsExactly("firewall:FILTERED");
        a.ping(() -> server.socket.local(), 200 * Lab.MS, 1);
        network.loop().runUntil(300 * Lab.MS);
        assertThat(server.fromPeers).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo(a.socket.local()));
        assertThat(a.fromPeers).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo(server.socket.local()));
    }

    @Test
    void udpBlockedDropsEverythingBothWays() {
        Network network = new Network(publicHostBehindFirewall(), SEED);
        network.bind("firewall", new NatNode(NatPresets.UDP_BLOCKED, network.node("internet")));
        Lab.Drops drops = new Lab.Drops();
        network.trace(drops);
        Lab.Peer server = new Lab.Peer(network, "server", 7000);
        Lab.Peer a = new Lab.Peer(network, "host-a", 4000);
        a.ping(() -> server.socket.local(), 0, 1);
        server.ping(() -> a.socket.local(), 0, 1);
        network.loop().runUntil(100 * Lab.MS);
        assertThat(server.fromPeers).isEmpty();
        assertThat(a.fromPeers).isEmpty();
        assertThat(drops.seen).containsExactly("firewall:BLOCKED", "firewall:BLOCKED");
    }

    /** The reflexive endpoint a symmetric NAT gives toward the echo, in a run with this seed. */
    private static Endpoint symmetricReflexive(long seed) {
        Network network = new Network(oneNatTwoHosts(), seed);
        network.bind("nat", new NatNode(NatPresets.SYMMETRIC, network.node("internet")));
        Endpoint echo = Lab.echo(network, "echo");
        Lab.Peer a = new Lab.Peer(network, "host-a", 4000);
        a.query(echo, 0);
        network.loop().runUntil(100 * Lab.MS);
        return a.reflexive;
    }

    @Test
    void randomPortsComeFromTheNatsSeededStream() {
        Set<Integer> ports = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            Endpoint reflexive = symmetricReflexive(seed);
            assertThat(symmetricReflexive(seed)).as("seed %d replays", seed).isEqualTo(reflexive);
            assertThat(reflexive.port()).as("seed %d", seed).isBetween(1024, 65535);
            ports.add(reflexive.port());
        }
        // 20 seeds drawing from 64,512 ports: a repeat would have odds of about 0.3 %.
        assertThat(ports).hasSize(20);
    }
}
