package io.punchsim.nat;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.net.Endpoint;
import io.punchsim.sim.net.Network;
import io.punchsim.sim.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classic outcome matrix from raw UDP exchanges on the virtual network (SPEC section 3, "raw
 * symmetric exchanges"): both peers learn their reflexive address from an echo, send to each
 * other's reflexive address and answer the observed source. 13 pairs connect; port-restricted
 * with symmetric, either way round, and symmetric with symmetric do not.
 */
class ClassicMatrixTest {

    private static final Topology TOPOLOGY = Topology.builder()
            .node("internet")
            .node("echo", "192.0.2.1")
            .node("nat-a", "203.0.113.1")
            .node("host-a", "10.0.1.2")
            .node("nat-b", "203.0.113.2")
            .node("host-b", "10.0.2.2")
            .link("echo", "internet", Lab.link(5))
            .link("nat-a", "internet", Lab.link(10))
            .link("nat-b", "internet", Lab.link(10))
            .link("host-a", "nat-a", Lab.link(1))
            .link("host-b", "nat-b", Lab.link(1))
            .build();

    /** Runs the exchange; B starts pinging {@code delayB} after A. */
    static boolean direct(String presetA, String presetB, long seed, long delayB, int pings) {
        Network network = new Network(TOPOLOGY, seed);
        network.bind("nat-a", new NatNode(NatPresets.byName(presetA).behaviour(),
                List.of(Endpoint.of("203.0.113.1", 0).ip()), network.node("internet")));
        network.bind("nat-b", new NatNode(NatPresets.byName(presetB).behaviour(),
                List.of(Endpoint.of("203.0.113.2", 0).ip()), network.node("internet")));
        Endpoint echo = Lab.echo(network, "echo");
        Lab.Peer a = new Lab.Peer(network, "host-a", 4000);
        Lab.Peer b = new Lab.Peer(network, "host-b", 4000);
        a.query(echo, 0);
        b.query(echo, 0);
        a.ping(() -> b.reflexive, 200 * Lab.MS, pings);
        b.ping(() -> a.reflexive, 200 * Lab.MS + delayB, pings);
        network.loop().runUntil(10_000 * Lab.MS);
        assertThat(a.reflexive).as("seed %d: A learned its reflexive address", seed).isNotNull();
        assertThat(b.reflexive).as("seed %d: B learned its reflexive address", seed).isNotNull();
        return a.heardFromPeer() && b.heardFromPeer();
    }

    @ParameterizedTest(name = "{0} x {1} -> {2}")
    @CsvSource({
        "full-cone, full-cone, D", "full-cone, restricted-cone, D", "full-cone, port-restricted-cone, D", "full-cone, symmetric, D",
        "restricted-cone, full-cone, D", "restricted-cone, restricted-cone, D", "restricted-cone, port-restricted-cone, D", "restricted-cone, symmetric, D",
        "port-restricted-cone, full-cone, D", "port-restricted-cone, restricted-cone, D", "port-restricted-cone, port-restricted-cone, D", "port-restricted-cone, symmetric, R",
        "symmetric, full-cone, D", "symmetric, restricted-cone, D", "symmetric, port-restricted-cone, R", "symmetric, symmetric, R",
    })
    void everyOrderedPairOfTheClassicPresetsHasItsClassicOutcome(String a, String b, String expected) {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(direct(a, b, seed, 0, 10) ? "D" : "R").as("%s x %s, seed %d", a, b, seed).isEqualTo(expected);
        }
    }

    @Test
    void twoLinuxNatsConnectWhenBothFirstPacketsLeaveBeforeTheOtherArrives() {
        // Each first packet leaves at 200 ms; the other side's arrives 22 ms later.
        assertThat(direct("linux-masquerade", "linux-masquerade", 1, 0, 10)).isTrue();
        assertThat(direct("linux-masquerade", "linux-masquerade", 1, 10 * Lab.MS, 10)).isTrue();
    }

    @Test
    void twoLinuxNatsFailWhenOneSideStartsAfterTheOthersPacketArrived() {
        // A's first packet reaches B's NAT at 222 ms, before B's first leaves at 230 ms: it leaves an
        // entry there that moves B's flow toward A to another port, whatever either side sends later.
        assertThat(direct("linux-masquerade", "linux-masquerade", 1, 30 * Lab.MS, 10)).isFalse();
        assertThat(direct("linux-masquerade", "linux-masquerade", 1, 1_000 * Lab.MS, 100)).isFalse();
    }

    @Test
    void randomFullyIsSymmetricTowardAPortRestrictedPeer() {
        assertThat(direct("linux-masquerade-random-fully", "port-restricted-cone", 1, 0, 10)).isFalse();
        assertThat(direct("linux-masquerade-random-fully", "full-cone", 1, 0, 10)).isTrue();
    }
}
