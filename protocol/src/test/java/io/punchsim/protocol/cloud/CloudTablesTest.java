package io.punchsim.protocol.cloud;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.peer.FailureReason;
import io.punchsim.protocol.peer.Outcome;
import io.punchsim.protocol.signal.SignalChannel;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.protocol.wire.MessageKind;
import io.punchsim.protocol.wire.PeerRole;
import io.punchsim.protocol.wire.Props;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** SPEC 2.9: every table of the cloud has a cap, and every entry a lifetime. */
class CloudTablesTest {

    private static final long SEED = 47;
    /** Keepalives every second, and three seconds of silence make an endpoint go. */
    private static final ProtocolConfig QUICK = World.TIMED.toBuilder().keepaliveInterval(1_000 * MS)
            .memberLifetime(3_000 * MS).build();

    private static final Endpoint CLOUD_AT = Endpoint.parse("203.0.113.2:5055");

    private static Endpoint stranger(int address, int port) {
        return new Endpoint(Endpoint.parseIp("198.18.0." + address), port);
    }

    /** A cloud of its own at {@link #CLOUD_AT} with these limits, started. */
    private static CloudServer cloudAt(World w, ProtocolConfig config, CloudLimits limits) {
        CloudServer cloud = new CloudServer(config, limits);
        w.net.add(CLOUD_AT, cloud);
        w.net.start(CLOUD_AT, 0);
        w.net.runFor(1 * MS);
        return cloud;
    }

    /** A host made by hand: it creates a session and joins it, then says nothing more. */
    private static int handMadeHost(World w, Endpoint cloud, Endpoint host) {
        w.net.inject(host, cloud, MessageCodec.encode(new Message.CreateSession(1, Props.CLIENT_SERVER)));
        w.net.runFor(w.net.now() + 30 * MS);
        int session = CloudHardeningTest.sessionNamedTo(w, host);
        w.net.inject(host, cloud, MessageCodec.encode(
                new Message.JoinRequest(2, session, PeerRole.HOST, Props.CLIENT_SERVER)));
        w.net.runFor(w.net.now() + 30 * MS);
        return session;
    }

    @Test
    void theConfigsMemberLifetimeFollowsTheKeepaliveUnlessGiven() {
        assertThat(ProtocolConfig.DEFAULTS.memberLifetimeNanos()).isEqualTo(4 * ProtocolConfig.DEFAULTS.keepaliveIntervalNanos());
        assertThat(ProtocolConfig.builder().keepaliveInterval(2_000 * MS).build().memberLifetimeNanos()).isEqualTo(8_000 * MS);
        assertThat(QUICK.memberLifetimeNanos()).isEqualTo(3_000 * MS);
    }

    @Test
    void aHostThatFallsSilentIsRemovedWithItsSessionAndItsClientIsTold() {
        World w = new World(QUICK, SEED);
        AtomicBoolean vanished = new AtomicBoolean();
        // Once it has reported, the host is gone: killed, unplugged, nothing more comes from it.
        w.net.drop(p -> p.from().equals(World.HOST) && vanished.get());
        w.start(500 * MS);
        w.net.runUntil(() -> w.event(Role.HOST, Step.H11).isPresent(), 60_000 * MS);
        vanished.set(true);
        w.runUntilClientFinished(60_000 * MS);

        assertThat(w.client.result().outcome()).as("seed %d", SEED).isEqualTo(Outcome.FAILED);
        assertThat(w.client.result().failureReason()).isEqualTo(FailureReason.NO_SESSION);
        // Told by the cloud within the lifetime and one sweep, before the attempt budget of 5 s ran out.
        long told = w.eventTime(Role.CLIENT, Step.K6);
        assertThat(told - w.eventTime(Role.HOST, Step.H11)).isBetween(3_000 * MS, 3_800 * MS);
        assertThat(w.events(Role.CLIENT, Step.K6)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("host is gone"));
        assertThat(w.net.packets()).anyMatch(p -> p.to().equals(World.CLIENT) && p.kind() == MessageKind.SESSION_CLOSED);
        assertThat(w.cloud.sessionCount()).isZero();
        assertThat(w.cloud.counters().closedSessions()).isEqualTo(1);
    }

    @Test
    void aLiveHostKeepsItsSessionLongAfterTheLifetimeAndAClientStillFindsIt() {
        World w = new World(QUICK, SEED);
        w.start(20_000 * MS).runUntilClientFinished(60_000 * MS);
        assertThat(w.client.result().outcome()).as("seed %d", SEED).isEqualTo(Outcome.DIRECT);
        assertThat(w.cloud.counters().expiredEndpoints()).isZero();
    }

    @Test
    void sessionsWhoseHostNeverJoinsGoAfterTheLifetimeAndSoDoesTheirCreator() {
        World w = new World(QUICK, SEED);
        w.net.start(World.CLOUD, 0);
        w.net.runFor(1 * MS);
        for (int i = 0; i < 5; i++) {
            w.net.inject(stranger(9, 7000 + i), World.CLOUD,
                    MessageCodec.encode(new Message.CreateSession(1, Props.CLIENT_SERVER)));
        }
        w.net.runFor(1_000 * MS);
        assertThat(w.cloud.sessionCount()).isEqualTo(5);
        assertThat(w.cloud.endpointCount()).isEqualTo(5);
        w.net.runFor(5_000 * MS);
        assertThat(w.cloud.sessionCount()).isZero();
        assertThat(w.cloud.endpointCount()).isZero();
        assertThat(w.cloud.counters().expiredEndpoints()).isEqualTo(5);
    }

    @Test
    void sessionsAreCappedPerSourceAndInAllAndUnjoinedOnesMakeRoom() {
        World w = new World(QUICK, SEED);
        CloudServer small = cloudAt(w, QUICK, new CloudLimits(5, 3, 100, 1_024, 3_000 * MS, 4, 30));
        Endpoint at = CLOUD_AT;
        // Four from one address: the fourth is past the 3 per source.
        for (int i = 0; i < 4; i++) {
            w.net.inject(stranger(1, 7000 + i), at, MessageCodec.encode(new Message.CreateSession(1, Props.CLIENT_SERVER)));
        }
        w.net.runFor(w.net.now() + 30 * MS);
        assertThat(small.sessionCount()).isEqualTo(3);
        assertThat(small.counters().droppedOverLimit()).isEqualTo(1);
        // Three more from other addresses: the table holds 5, so the oldest unjoined one makes room.
        for (int i = 0; i < 3; i++) {
            w.net.inject(stranger(2 + i, 7000), at, MessageCodec.encode(new Message.CreateSession(1, Props.CLIENT_SERVER)));
            w.net.runFor(w.net.now() + 10 * MS);
        }
        assertThat(small.sessionCount()).isEqualTo(5);
        assertThat(w.net.packets().stream().filter(p -> p.from().equals(at) && p.kind() == MessageKind.SESSION_CREATED)
                .map(p -> p.to()).distinct()).hasSize(6);
        assertThat(small.counters().droppedOverLimit()).isEqualTo(1);
    }

    @Test
    void theEndpointTableIsCappedAndStrangersMakeRoomButMembersStay() {
        World w = new World(QUICK, SEED);
        CloudServer small = cloudAt(w, QUICK, new CloudLimits(100, 10, 4, 1_024, 3_000 * MS, 4, 30));
        Endpoint at = CLOUD_AT;
        Endpoint host = stranger(1, 4000);
        int session = handMadeHost(w, at, host);
        for (int i = 0; i < 10; i++) {
            w.net.inject(stranger(2, 7000 + i), at, MessageCodec.encode(new Message.JoinRandom(1)));
            w.net.runFor(w.net.now() + 10 * MS);
        }
        assertThat(small.endpointCount()).isEqualTo(4);
        assertThat(small.counters().evictedEndpoints()).isEqualTo(7);
        // The member stays: it can still relay (to nobody yet) and be found.
        assertThat(small.sessionCount()).isEqualTo(1);
        assertThat(small.openSessionCount()).isEqualTo(1);
        assertThat(session).isNotZero();
    }

    /** A hand-made host of a session at {@link #CLOUD_AT} that leaves it at once. */
    private static void hostThatLeft(World w, Endpoint host) {
        int session = handMadeHost(w, CLOUD_AT, host);
        w.net.inject(host, CLOUD_AT, MessageCodec.encode(new Message.Leave(3, session, Session.HOST_PEER_ID)));
        w.net.runFor(w.net.now() + 30 * MS);
    }

    @Test
    void endpointsThatLeftEverySessionMakeRoomLikeStrangers() {
        World w = new World(QUICK, SEED);
        CloudServer small = cloudAt(w, QUICK, new CloudLimits(100, 10, 4, 1_024, 3_000 * MS, 4, 30));
        // One address creates, joins and leaves a session from one port after another: each
        // port was a member, and none is in a session any more.
        for (int port = 4000; port < 4004; port++) {
            hostThatLeft(w, stranger(1, port));
        }
        assertThat(small.sessionCount()).isZero();

        // The table is full of them, yet a newcomer is served: they made room, members stay.
        Endpoint newcomer = stranger(2, 7000);
        w.net.inject(newcomer, CLOUD_AT, MessageCodec.encode(new Message.JoinRandom(1)));
        w.net.runFor(w.net.now() + 30 * MS);
        assertThat(w.net.packets()).anyMatch(p -> p.to().equals(newcomer) && p.kind() == MessageKind.NO_SESSION);
        assertThat(small.endpointCount()).isEqualTo(4);
        assertThat(small.counters().droppedOverLimit()).isZero();
    }

    /**
     * A host leaves while its client stays, falls silent until the cloud forgets it, then comes
     * back from the same address and port and asks to host again. The cloud's new entry for it is
     * not the one that created the session, so it may not: it would be a host whose entry does
     * not take the session along when it goes, and the session would outlive everyone in it.
     */
    @Test
    void aHostForgottenAfterItLeftCannotHostAgainAndTheSessionGoesWithItsLastMember() {
        World w = new World(QUICK, SEED);
        CloudServer small = cloudAt(w, QUICK, new CloudLimits(100, 10, 10, 1_024, 3_000 * MS, 4, 30));
        Endpoint host = stranger(1, 4000);
        Endpoint client = stranger(2, 5000);
        int session = handMadeHost(w, CLOUD_AT, host);
        w.net.inject(client, CLOUD_AT, MessageCodec.encode(new Message.JoinRandom(1)));
        w.net.runFor(w.net.now() + 30 * MS);
        w.net.inject(client, CLOUD_AT, MessageCodec.encode(
                new Message.JoinRequest(2, session, PeerRole.CLIENT, Props.CLIENT_SERVER)));
        w.net.inject(host, CLOUD_AT, MessageCodec.encode(new Message.Leave(3, session, Session.HOST_PEER_ID)));
        w.net.runFor(w.net.now() + 30 * MS);
        // The client keeps itself alive while the host says nothing until the cloud forgets it.
        for (int i = 0; i < 5; i++) {
            w.net.inject(client, CLOUD_AT, MessageCodec.encode(new Message.Keepalive(session, Session.CLIENT_PEER_ID)));
            w.net.runFor(w.net.now() + 1_000 * MS);
        }
        assertThat(small.counters().expiredEndpoints()).as("the host forgotten").isEqualTo(1);
        assertThat(small.sessionCount()).as("the session kept for its client").isEqualTo(1);

        long refusedBefore = small.counters().droppedNonMember();
        long back = w.net.now();
        w.net.inject(host, CLOUD_AT, MessageCodec.encode(new Message.JoinRequest(4, session, PeerRole.HOST, Props.CLIENT_SERVER)));
        w.net.runFor(w.net.now() + 30 * MS);
        assertThat(small.counters().droppedNonMember()).as("hosting again refused").isEqualTo(refusedBefore + 1);
        assertThat(w.net.packets()).as("no JoinAck to the returning host")
                .noneMatch(p -> p.atNanos() >= back && p.to().equals(host) && p.kind() == MessageKind.JOIN_ACK);

        // Everyone falls silent: every table empties.
        w.net.runFor(w.net.now() + 10_000 * MS);
        assertThat(small.sessionCount()).isZero();
        assertThat(small.endpointCount()).isZero();
    }

    @Test
    void theAnswersOneEndpointAwaitsAreCappedAndTheNewestAreKept() {
        World w = new World(World.TIMED, SEED);
        CloudServer cloud = cloudAt(w, World.TIMED, new CloudLimits(100, 10, 100, 1_024, 3_000 * MS, 4, 30));
        Endpoint at = CLOUD_AT;
        Endpoint member = stranger(1, 4000);
        handMadeHost(w, at, member);
        // A member is given every retransmission. This one acknowledges nothing and asks, all at
        // once, far more than any peer does: each answer kept for its whole schedule would be
        // memory and work without bound.
        int asked = 1_000;
        for (int seq = 3; seq < 3 + asked; seq++) {
            w.net.inject(member, at, MessageCodec.encode(new Message.JoinRandom(seq)));
        }
        w.net.runFor(w.net.now() + 30_000 * MS);

        long answers = w.net.packets().stream().filter(p -> p.to().equals(member)
                && (p.kind() == MessageKind.SESSION_FOUND || p.kind() == MessageKind.NO_SESSION)).count();
        int retransmissions = World.TIMED.cloud().maxTransmissions() - 1;
        // Every request is answered once; only the newest answers wait for an ack and go again.
        assertThat(answers).isEqualTo(asked + (long) SignalChannel.MAX_PENDING_ANSWERS * retransmissions);
        assertThat(cloud.counters().droppedUnhandled()).isZero();
    }

    @Test
    void oneAddressHoldsOnlySoManyReservationsAtOnce() {
        World w = new World(QUICK, SEED);
        CloudServer small = cloudAt(w, QUICK, new CloudLimits(100, 10, 100, 1_024, 3_000 * MS, 2, 30));
        Endpoint at = CLOUD_AT;
        for (int h = 0; h < 3; h++) {
            handMadeHost(w, at, stranger(10 + h, 4000));
        }
        assertThat(small.openSessionCount()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            w.net.inject(stranger(2, 7000 + i), at, MessageCodec.encode(new Message.JoinRandom(1)));
            w.net.runFor(w.net.now() + 30 * MS);
        }
        assertThat(w.net.packets().stream().filter(p -> p.to().ip() == stranger(2, 0).ip()
                && p.kind() == MessageKind.SESSION_FOUND).map(p -> p.to()).distinct()).hasSize(2);
        assertThat(w.net.packets()).anyMatch(p -> p.to().equals(stranger(2, 7002)) && p.kind() == MessageKind.NO_SESSION);
        // Another address still finds the third.
        w.net.inject(stranger(3, 7000), at, MessageCodec.encode(new Message.JoinRandom(1)));
        w.net.runFor(w.net.now() + 30 * MS);
        assertThat(w.net.packets()).anyMatch(p -> p.to().equals(stranger(3, 7000)) && p.kind() == MessageKind.SESSION_FOUND);
    }

    @Test
    void aClientForgottenWhileItWaitsToRetryIsAnsweredAfreshNotTakenForADuplicate() {
        // The client waits 2 s between JoinRandoms; the cloud forgets a stranger after 1 s of silence.
        ProtocolConfig config = QUICK.toBuilder().memberLifetime(1_000 * MS).noSessionBackoff(2_000 * MS)
                .noSessionMaxBackoff(2_000 * MS).build();
        World w = new World(config, SEED);
        w.net.start(World.CLOUD, 0);
        w.net.start(World.STUN, 0);
        w.net.start(World.CLIENT, 0);
        w.net.start(World.HOST, 3_000 * MS);
        w.runUntilClientFinished(60_000 * MS);
        assertThat(w.cloud.counters().expiredEndpoints()).as("seed %d", SEED).isPositive();
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
    }
}
