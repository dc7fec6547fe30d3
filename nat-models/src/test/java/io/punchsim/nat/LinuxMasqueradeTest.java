package io.punchsim.nat;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.net.DropReason;
import io.punchsim.sim.net.Endpoint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The {@code linux-masquerade} presets against what conntrack does (SPEC section 3): per-flow
 * entries, port kept while the translated flow is free, 30 s unreplied and 120 s replied timeouts,
 * and entries left by unsolicited inbound packets.
 */
class LinuxMasqueradeTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int EXTERNAL_IP = Endpoint.of("203.0.113.1", 0).ip();
    private static final Endpoint INSIDE = Endpoint.of("10.0.0.2", 4000);
    private static final Endpoint PEER = Endpoint.of("198.51.100.7", 5000);
    private static final Endpoint OTHER_PEER = Endpoint.of("198.51.100.8", 5000);
    private static final Endpoint PRESERVED = new Endpoint(EXTERNAL_IP, 4000);
    private static final NatVerdict FILTERED = new NatVerdict.Drop(DropReason.FILTERED);

    private static NatTable table(NatBehaviour behaviour) {
        return new NatTable(behaviour, List.of(EXTERNAL_IP), RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
    }

    private static Endpoint external(NatVerdict verdict) {
        assertThat(verdict).isInstanceOf(NatVerdict.Pass.class);
        return ((NatVerdict.Pass) verdict).source();
    }

    @Test
    void whenTheInsideSendsFirstThePortIsKeptAndOnlyTheReplyFlowGetsIn() {
        NatTable nat = table(NatPresets.LINUX_MASQUERADE);
        assertThat(external(nat.outbound(0, INSIDE, PEER))).isEqualTo(PRESERVED);
        assertThat(external(nat.outbound(0, INSIDE, OTHER_PEER))).as("a second flow reuses the free port").isEqualTo(PRESERVED);
        assertThat(nat.inbound(1, PEER, PRESERVED)).isEqualTo(new NatVerdict.Pass(PEER, INSIDE, false));
        assertThat(nat.inbound(1, PEER.withPort(5001), PRESERVED)).isEqualTo(FILTERED);
    }

    @Test
    void anUnsolicitedInboundPacketMakesTheLaterOutboundFlowTowardThatPeerSymmetric() {
        NatTable nat = table(NatPresets.LINUX_MASQUERADE);
        // The peer's packet arrives first: filtered, but it leaves an entry PEER -> 203.0.113.1:4000.
        assertThat(nat.inbound(0, PEER, PRESERVED)).isEqualTo(FILTERED);
        Endpoint towardPeer = external(nat.outbound(SECOND, INSIDE, PEER));
        assertThat(towardPeer).isNotEqualTo(PRESERVED);
        // Toward anyone else the port is still kept.
        assertThat(external(nat.outbound(SECOND, INSIDE, OTHER_PEER))).isEqualTo(PRESERVED);
        // The peer, which only knows the preserved port, stays filtered; its reply flow to the new port passes.
        assertThat(nat.inbound(2 * SECOND, PEER, PRESERVED)).isEqualTo(FILTERED);
        assertThat(nat.inbound(2 * SECOND, PEER, towardPeer)).isEqualTo(new NatVerdict.Pass(PEER, INSIDE, false));
    }

    @Test
    void whenTheInsideSendsFirstThePeersPacketIsTheReply() {
        NatTable nat = table(NatPresets.LINUX_MASQUERADE);
        assertThat(external(nat.outbound(0, INSIDE, PEER))).isEqualTo(PRESERVED);
        assertThat(nat.inbound(1, PEER, PRESERVED)).isEqualTo(new NatVerdict.Pass(PEER, INSIDE, false));
    }

    @Test
    void theInboundEntryLivesThirtySecondsAfterTheLastInboundPacket() {
        NatTable nat = table(NatPresets.LINUX_MASQUERADE);
        nat.inbound(0, PEER, PRESERVED);
        nat.inbound(25 * SECOND, PEER, PRESERVED);
        // Refreshed at 25 s, so it still blocks the preserved port at 55 s - 1 ns ...
        assertThat(external(nat.outbound(55 * SECOND - 1, INSIDE, PEER))).isNotEqualTo(PRESERVED);
        NatTable fresh = table(NatPresets.LINUX_MASQUERADE);
        fresh.inbound(0, PEER, PRESERVED);
        fresh.inbound(25 * SECOND, PEER, PRESERVED);
        // ... and is gone at 55 s exactly.
        assertThat(external(fresh.outbound(55 * SECOND, INSIDE, PEER))).isEqualTo(PRESERVED);
    }

    @Test
    void anUnrepliedFlowLivesThirtySecondsAndARepliedOneOneHundredTwenty() {
        NatTable unreplied = table(NatPresets.LINUX_MASQUERADE);
        unreplied.outbound(0, INSIDE, PEER);
        assertThat(unreplied.inbound(30 * SECOND - 1, PEER, PRESERVED).passed()).isTrue();
        NatTable expired = table(NatPresets.LINUX_MASQUERADE);
        expired.outbound(0, INSIDE, PEER);
        assertThat(expired.inbound(30 * SECOND, PEER, PRESERVED)).isEqualTo(FILTERED);

        NatTable replied = table(NatPresets.LINUX_MASQUERADE);
        replied.outbound(0, INSIDE, PEER);
        replied.inbound(SECOND, PEER, PRESERVED);
        // The reply refreshed it to 1 s + 120 s.
        assertThat(replied.inbound(121 * SECOND - 1, PEER, PRESERVED).passed()).isTrue();
        assertThat(replied.inbound(2 * 121 * SECOND - 1, PEER, PRESERVED)).isEqualTo(FILTERED);
    }

    @Test
    void twoInsideHostsShareAnExternalPortTowardDifferentPeersButNotTowardTheSamePeer() {
        NatTable nat = table(NatPresets.LINUX_MASQUERADE);
        Endpoint second = Endpoint.of("10.0.0.3", 4000);
        assertThat(external(nat.outbound(0, INSIDE, PEER))).isEqualTo(PRESERVED);
        assertThat(external(nat.outbound(0, second, OTHER_PEER))).isEqualTo(PRESERVED);
        Endpoint collided = external(nat.outbound(0, second, PEER));
        assertThat(collided).isNotEqualTo(PRESERVED);
        assertThat(nat.inbound(1, PEER, PRESERVED)).isEqualTo(new NatVerdict.Pass(PEER, INSIDE, false));
        assertThat(nat.inbound(1, OTHER_PEER, PRESERVED)).isEqualTo(new NatVerdict.Pass(OTHER_PEER, second, false));
        assertThat(nat.inbound(1, PEER, collided)).isEqualTo(new NatVerdict.Pass(PEER, second, false));
    }

    @Test
    void randomFullyGivesEachFlowItsOwnRandomPort() {
        NatTable nat = table(NatPresets.LINUX_MASQUERADE_RANDOM_FULLY);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Endpoint peer = new Endpoint(PEER.ip() + i, 5000);
            Endpoint mapped = external(nat.outbound(2 * i, INSIDE, peer));
            assertThat(mapped.port()).isBetween(1024, 65535);
            ports.add(mapped.port());
            assertThat(nat.inbound(2 * i + 1, peer, mapped).passed()).isTrue();
        }
        // 50 draws from 64512 ports: the chance of a repeat or of keeping port 4000 is below 2 %;
        // with this fixed seed neither happens, and a preserving or per-host allocation would fail.
        assertThat(ports).hasSize(50).doesNotContain(4000);
    }
}
