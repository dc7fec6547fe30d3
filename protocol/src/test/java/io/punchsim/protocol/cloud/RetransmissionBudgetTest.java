package io.punchsim.protocol.cloud;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.harness.TestNet.Packet;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.peer.Outcome;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.protocol.wire.MessageKind;
import io.punchsim.protocol.wire.Props;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SPEC 2.9, no reflection: toward an endpoint that has not joined a session (its source may be
 * forged), answers are retransmitted on the cloud's own timer only within a budget per address;
 * past it, an answer goes out again only when its request does.
 */
class RetransmissionBudgetTest {

    private static final long SEED = 53;
    /** Never acknowledges anything: a forged source, or a reflector's victim. */
    private static final Endpoint SILENT = Endpoint.parse("198.18.0.9:6666");

    private static CloudServer cloudWithBudget(World w, Endpoint at, int perMinute) {
        CloudServer cloud = new CloudServer(World.TIMED, new CloudLimits(100, 64, 100, 1_024, 3_000 * MS, 4, perMinute));
        w.net.add(at, cloud);
        w.net.start(at, 0);
        w.net.runFor(1 * MS);
        return cloud;
    }

    private static List<Packet> to(World w, Endpoint who, MessageKind kind) {
        return w.net.packets().stream().filter(p -> p.to().equals(who) && p.kind() == kind).toList();
    }

    @Test
    void unacknowledgedAnswersToAStrangerAreRetransmittedOnlyWithinItsBudget() {
        World w = new World(World.TIMED, SEED);
        Endpoint at = Endpoint.parse("203.0.113.2:5055");
        CloudServer cloud = cloudWithBudget(w, at, 3);
        for (int seq = 1; seq <= 10; seq++) {
            w.net.inject(SILENT, at, MessageCodec.encode(new Message.CreateSession(seq, Props.EMPTY)));
        }
        w.net.runFor(30_000 * MS);

        // Ten requests: ten acks, ten answers and three retransmissions, never six sends per answer.
        assertThat(to(w, SILENT, MessageKind.ACK)).hasSize(10);
        assertThat(to(w, SILENT, MessageKind.SESSION_CREATED)).hasSize(10 + 3);
        assertThat(cloud.counters().withheldRetransmits()).isEqualTo(10 * 5 - 3);
    }

    @Test
    void pastTheBudgetARepeatedRequestGetsItsAnswerOnceMore() {
        World w = new World(World.TIMED, SEED);
        Endpoint at = Endpoint.parse("203.0.113.2:5055");
        cloudWithBudget(w, at, 0);
        w.net.inject(SILENT, at, MessageCodec.encode(new Message.CreateSession(1, Props.EMPTY)));
        w.net.inject(SILENT, at, MessageCodec.encode(new Message.JoinRandom(2)));
        w.net.runFor(w.net.now() + 1_000 * MS);
        assertThat(to(w, SILENT, MessageKind.SESSION_CREATED)).hasSize(1);
        // The CreateSession comes again (its sender never got the answer): one answer, no more.
        w.net.inject(SILENT, at, MessageCodec.encode(new Message.CreateSession(1, Props.EMPTY)));
        w.net.runFor(w.net.now() + 1_000 * MS);
        assertThat(to(w, SILENT, MessageKind.SESSION_CREATED)).hasSize(2);
        assertThat(to(w, SILENT, MessageKind.NO_SESSION)).hasSize(1);
        assertThat(to(w, SILENT, MessageKind.ACK)).hasSize(3);
    }

    @Test
    void aLostAnswerToARealHostIsRetransmittedOnScheduleAsBefore() {
        World w = new World(World.TIMED, SEED);
        AtomicInteger answers = new AtomicInteger();
        w.net.drop(p -> p.kind() == MessageKind.SESSION_CREATED && answers.incrementAndGet() == 1);
        w.start(0).runUntilClientFinished(60_000 * MS);
        // Sent at 10 ms, lost; sent again 250 ms later, 10 ms on the wire.
        assertThat(w.eventTime(Role.HOST, Step.H3)).as("seed %d", SEED).isEqualTo(270 * MS);
        assertThat(w.cloud.counters().withheldRetransmits()).isZero();
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
    }

    @Test
    void towardAMemberNothingIsWithheld() {
        World w = new World(World.TIMED, SEED, new CloudLimits(100, 64, 100, 1_024, 3_000 * MS, 4, 0));
        CloudServer cloud = w.cloud;
        AtomicInteger toClient = new AtomicInteger();
        // The client's first PeerAddresses is lost: it is a member, so the cloud's timer resends it.
        w.net.drop(p -> p.kind() == MessageKind.PEER_ADDRESSES && p.to().equals(World.CLIENT)
                && toClient.incrementAndGet() == 1);
        w.start(0).runUntilClientFinished(60_000 * MS);
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
        assertThat(w.eventTime(Role.CLIENT, Step.K1)).isEqualTo(w.eventTime(Role.CLOUD, Step.K1) + 260 * MS);
        assertThat(cloud.counters().withheldRetransmits()).isZero();
    }
}
