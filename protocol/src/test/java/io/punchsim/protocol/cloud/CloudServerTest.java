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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CloudServerTest {

    private static final long SEED = 37;
    private static final Endpoint STRANGER = Endpoint.parse("198.18.0.9:6666");

    @Test
    void lostSignallingIsRecoveredByRetransmission() {
        World w = new World(World.TIMED, SEED);
        AtomicInteger createSessions = new AtomicInteger();
        AtomicInteger peerAddresses = new AtomicInteger();
        // The first CreateSession and the first PeerAddresses toward the client are lost.
        w.net.drop(p -> p.kind() == MessageKind.CREATE_SESSION && createSessions.incrementAndGet() == 1);
        w.net.drop(p -> p.kind() == MessageKind.PEER_ADDRESSES && p.to().equals(World.CLIENT)
                && peerAddresses.incrementAndGet() == 1);
        w.start(0).runUntilClientFinished(60_000 * MS);

        // Retransmitted after the initial RTO of 250 ms, then 10 ms on the wire.
        assertThat(w.eventTime(Role.CLOUD, Step.H3)).as("seed %d", SEED).isEqualTo(260 * MS);
        assertThat(w.eventTime(Role.CLIENT, Step.K1)).isEqualTo(w.eventTime(Role.CLOUD, Step.K1) + 260 * MS);
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
    }

    @Test
    void aStartOvertakingItsJoinAckStillLeadsToAValidReport() {
        World w = new World(World.TIMED, SEED);
        AtomicInteger joinAcks = new AtomicInteger();
        // The first JoinAck to the host is lost, so its Start arrives 250 ms before the JoinAck.
        w.net.drop(p -> p.kind() == MessageKind.JOIN_ACK && p.to().equals(World.HOST)
                && joinAcks.incrementAndGet() == 1);
        w.start(0).runUntilClientFinished(60_000 * MS);
        assertThat(w.eventTime(Role.HOST, Step.H7)).isGreaterThan(w.eventTime(Role.HOST, Step.H6));
        assertThat(w.eventTime(Role.HOST, Step.H7)).isEqualTo(w.eventTime(Role.HOST, Step.H5));
        assertThat(w.cloud.counters().droppedNonMember()).isZero();
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
    }

    @Test
    void aDuplicatedRequestIsHandledOnce() {
        World w = new World(World.TIMED, SEED);
        w.net.duplicate(p -> p.to().equals(World.CLOUD));
        w.start(0).runUntilClientFinished(60_000 * MS);
        assertThat(w.events(Role.CLOUD, Step.H3)).hasSize(1);
        assertThat(w.events(Role.CLOUD, Step.K1)).hasSize(1);
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
    }

    @Test
    void relayIsOnlyBetweenMembersFromWhereTheyRegistered() {
        World w = new World(World.TIMED, SEED);
        w.start(0);
        w.net.runUntil(() -> w.client.result().outcome() != Outcome.PENDING, 60_000 * MS);
        int session = w.net.packets().stream().filter(p -> p.kind() == MessageKind.SESSION_CREATED)
                .map(p -> ((Message.SessionCreated) World.decode(p.payload())).sessionId()).findFirst().orElseThrow();
        byte[] inner = MessageCodec.encode(new Message.Ping(session, 0));
        long before = w.net.packets().stream().filter(p -> p.from().equals(World.CLOUD)
                && p.kind() == MessageKind.RELAY).count();

        // A stranger naming the client; the client naming the host's id; an unknown session.
        w.net.inject(STRANGER, World.CLOUD, MessageCodec.encodeRelay(session, 2, inner));
        w.net.inject(World.CLIENT, World.CLOUD, MessageCodec.encodeRelay(session, 1, inner));
        w.net.inject(World.CLIENT, World.CLOUD, MessageCodec.encodeRelay(session + 40, 2, inner));
        w.net.inject(STRANGER, World.CLOUD, MessageCodec.encodeRelay(session, 7, inner));
        w.net.runFor(w.net.now() + 5 * MS);
        // and one legitimate relay from the client
        w.net.inject(World.CLIENT, World.CLOUD, MessageCodec.encodeRelay(session, 2, inner));
        w.net.runFor(w.net.now() + 15 * MS);

        CloudCounters c = w.cloud.counters();
        assertThat(c.droppedNonMember()).isEqualTo(3);
        assertThat(c.droppedUnknownSession()).isEqualTo(1);
        assertThat(w.net.packets().stream().filter(p -> p.from().equals(World.CLOUD)
                && p.kind() == MessageKind.RELAY)).hasSize((int) before + 1)
                .last().satisfies(p -> assertThat(p.to()).isEqualTo(World.HOST));
        assertThat(w.net.packets()).noneMatch(p -> p.to().equals(STRANGER));
    }

    @Test
    void aSessionIsRemovedWhenBothMembersHaveLeft() {
        ProtocolConfig config = ProtocolConfig.builder().gamePhase(false).listenTimeout(3000 * MS).build();
        World w = new World(config, SEED);
        w.start(0).runUntilClientFinished(60_000 * MS);
        // The client left on connecting; the host stays until the client is quiet for 3 s.
        w.net.runFor(w.net.now() + 1000 * MS);
        assertThat(w.cloud.sessionCount()).isEqualTo(1);
        w.net.runFor(w.net.now() + 3000 * MS);
        assertThat(w.host.isFinished()).isTrue();
        assertThat(w.cloud.sessionCount()).isZero();
    }

    @Test
    void aWaitingHostSendsKeepalivesEveryInterval() {
        World w = new World(ProtocolConfig.builder().keepaliveInterval(4000 * MS).build(), SEED);
        w.net.start(World.CLOUD, 0);
        w.net.start(World.STUN, 0);
        w.net.start(World.HOST, 0);
        w.net.runFor(17_000 * MS);
        long joined = w.eventTime(Role.HOST, Step.H5);
        assertThat(w.net.packets().stream().filter(p -> p.kind() == MessageKind.KEEPALIVE)
                .map(p -> p.atNanos() - joined)).containsExactly(4000 * MS, 8000 * MS, 12000 * MS, 16000 * MS);
        assertThat(w.cloud.counters().keepalives()).isEqualTo(4);
    }

    @Test
    void aReservationByASilentClientRunsOutAfterItsLifetimeAndItsAddressCannotRenewIt() {
        // The client keeps asking often enough to see the reservation end.
        // A session of two players: one client's place, which a reservation holds.
        World w = new World(World.TIMED.toBuilder().noSessionRetries(40).noSessionBackoff(250 * MS)
                .noSessionMaxBackoff(250 * MS).sessionCapacity(2).build(), SEED);
        w.start(2_000 * MS);
        w.net.runFor(1_000 * MS);
        // Someone else takes the only open session at 1.0 s and then never joins it; it asks again
        // from the same port (which gets the same reservation, not a longer one) and from new ports.
        w.net.inject(STRANGER, World.CLOUD, MessageCodec.encode(new Message.JoinRandom(1)));
        for (int k = 1; k <= 10; k++) {
            w.net.runFor(1_000 * MS + k * 500 * MS);
            Endpoint from = k == 5 ? STRANGER : new Endpoint(STRANGER.ip(), STRANGER.port() + k);
            w.net.inject(from, World.CLOUD, MessageCodec.encode(new Message.JoinRandom(k == 5 ? 2 : 1)));
        }
        w.runUntilClientFinished(60_000 * MS);

        // (each answer counted once, not its retransmissions toward a stranger that never acks)
        assertThat(w.net.packets().stream().filter(p -> p.to().ip() == STRANGER.ip()
                && p.kind() == MessageKind.SESSION_FOUND)
                .map(p -> p.to() + " #" + ((Message.SessionFound) World.decode(p.payload())).seq()).distinct())
                .as("seed %d", SEED).hasSize(2).allMatch(answer -> answer.startsWith(STRANGER + " #"));
        // The real client is told NoSession until the reservation made at 1.0 s runs out at 4.0 s.
        long firstFound = w.net.packets().stream().filter(p -> p.to().equals(World.CLIENT)
                && p.kind() == MessageKind.SESSION_FOUND).mapToLong(p -> p.atNanos()).min().orElseThrow();
        assertThat(firstFound).isBetween(4_000 * MS, 4_300 * MS);
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
    }

    @Test
    void malformedDatagramsAreCountedNotFatal() {
        World w = new World(World.TIMED, SEED);
        w.start(0);
        w.net.runFor(5 * MS);
        w.net.inject(STRANGER, World.CLOUD, new byte[] {0x50, 0x53, 1});
        w.net.inject(STRANGER, World.CLOUD, new byte[] {0x50, 0x53, 1, 0x7F});
        w.runUntilClientFinished(60_000 * MS);
        assertThat(w.cloud.counters().droppedMalformed()).isEqualTo(2);
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
    }
}
