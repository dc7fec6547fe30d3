package io.punchsim.protocol.cloud;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.peer.Outcome;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.protocol.wire.MessageKind;
import io.punchsim.protocol.wire.PeerRole;
import io.punchsim.protocol.wire.Props;
import org.junit.jupiter.api.Test;

/**
 * SPEC 2.9, no reflection: a peer sends pings and connection requests only to an address the
 * cloud vouches for, never to a third party another member names.
 */
class VouchedAddressesTest {

    private static final long SEED = 43;
    private static final Endpoint MEMBER = Endpoint.parse("198.18.0.9:6666");
    private static final Endpoint VICTIM = Endpoint.parse("192.0.2.99:80");

    /** A member who joins the host's session by hand and reports {@code local} and {@code reflexive}. */
    private static void joinAndReport(World w, Endpoint local, Endpoint reflexive) {
        w.net.inject(MEMBER, World.CLOUD, MessageCodec.encode(new Message.JoinRandom(1)));
        w.net.runFor(w.net.now() + 30 * MS);
        int session = CloudHardeningTest.sessionNamedTo(w, MEMBER);
        w.net.inject(MEMBER, World.CLOUD, MessageCodec.encode(
                new Message.JoinRequest(2, session, PeerRole.CLIENT, Props.CLIENT_SERVER)));
        w.net.runFor(w.net.now() + 30 * MS);
        int peerId = w.net.packets().stream().filter(p -> p.to().equals(MEMBER) && p.kind() == MessageKind.JOIN_ACK)
                .map(p -> ((Message.JoinAck) World.decode(p.payload())).peerId()).findFirst().orElseThrow();
        w.net.inject(MEMBER, World.CLOUD, MessageCodec.encode(
                new Message.AddressReport(3, session, peerId, local, reflexive)));
    }

    @Test
    void aMemberNamingAThirdPartyAsItsAddressGetsTheHostsPingsItself() {
        World w = new World(World.TIMED, SEED);
        w.net.start(World.CLOUD, 0);
        w.net.start(World.STUN, 0);
        w.net.start(World.HOST, 0);
        w.net.runUntil(() -> w.event(Role.HOST, Step.H11).isPresent(), 60_000 * MS);
        joinAndReport(w, VICTIM, VICTIM);
        w.net.runFor(w.net.now() + 3_000 * MS);

        assertThat(w.event(Role.HOST, Step.K2)).as("seed %d", SEED).isPresent();
        assertThat(w.net.packets()).noneMatch(p -> p.to().equals(VICTIM));
        assertThat(w.host.pingTargets()).containsExactly(MEMBER);
        assertThat(w.net.packets().stream().filter(p -> p.kind() == MessageKind.PING && p.to().equals(MEMBER)))
                .hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void aReflexiveAddressOnTheObservedAddressAndALocalOneInsideASiteArePassedOnAsReported() {
        World w = new World(World.TIMED.toBuilder().localCandidates(true).build(), SEED);
        w.net.start(World.CLOUD, 0);
        w.net.start(World.STUN, 0);
        w.net.start(World.HOST, 0);
        w.net.runUntil(() -> w.event(Role.HOST, Step.H11).isPresent(), 60_000 * MS);
        // Another port of the member's own address (a NAT that maps per destination), and a LAN address.
        Endpoint ownOtherPort = new Endpoint(MEMBER.ip(), 7777);
        Endpoint lan = Endpoint.parse("192.168.1.20:5000");
        joinAndReport(w, lan, ownOtherPort);
        w.net.runFor(w.net.now() + 1_000 * MS);
        assertThat(w.host.pingTargets()).containsExactly(ownOtherPort, lan);
    }

    @Test
    void aPublicLocalAddressOfAThirdPartyIsNotPassedOn() {
        World w = new World(World.TIMED.toBuilder().localCandidates(true).build(), SEED);
        w.net.start(World.CLOUD, 0);
        w.net.start(World.STUN, 0);
        w.net.start(World.HOST, 0);
        w.net.runUntil(() -> w.event(Role.HOST, Step.H11).isPresent(), 60_000 * MS);
        joinAndReport(w, VICTIM, MEMBER);
        w.net.runFor(w.net.now() + 1_000 * MS);
        assertThat(w.host.pingTargets()).containsExactly(MEMBER);
        assertThat(w.net.packets()).noneMatch(p -> p.to().equals(VICTIM));
    }

    @Test
    void aPingFromAnotherAddressThanTheHostsIsNoPeerReflexiveCandidate() {
        ProtocolConfig config = World.TIMED.toBuilder().peerReflexive(true).build();
        World w = new World(config, SEED);
        // The host is slow to answer, so the client is still attempting when the ping arrives.
        w.net.latency(World.HOST, World.CLIENT, 400 * MS);
        w.start(0);
        w.net.runUntil(() -> w.event(Role.CLIENT, Step.K1).isPresent(), 60_000 * MS);
        int session = w.net.packets().stream().filter(p -> p.kind() == MessageKind.SESSION_CREATED)
                .map(p -> ((Message.SessionCreated) World.decode(p.payload())).sessionId()).findFirst().orElseThrow();
        w.net.inject(VICTIM, World.CLIENT, MessageCodec.encode(new Message.Ping(session, 0)));
        Endpoint hostOtherPort = new Endpoint(World.HOST.ip(), 4001);
        w.net.inject(hostOtherPort, World.CLIENT, MessageCodec.encode(new Message.Ping(session, 0)));
        w.runUntilClientFinished(60_000 * MS);

        assertThat(w.client.directTargets()).doesNotContain(VICTIM).contains(hostOtherPort);
        assertThat(w.net.packets()).noneMatch(p -> p.to().equals(VICTIM));
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
    }
}
