package io.punchsim.protocol.cloud;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** SPEC 2.9: nothing a datagram carries stops the cloud, and every table has a limit. */
class CloudHardeningTest {

    private static final long SEED = 41;
    private static final Endpoint STRANGER = Endpoint.parse("198.18.0.9:6666");

    /** The session the cloud last named to {@code to} (SessionCreated or SessionFound). */
    static int sessionNamedTo(World w, Endpoint to) {
        return w.net.packets().stream().filter(p -> p.to().equals(to))
                .map(p -> World.decode(p.payload()))
                .filter(m -> m instanceof Message.SessionFound || m instanceof Message.SessionCreated)
                .mapToInt(m -> m instanceof Message.SessionFound f ? f.sessionId() : ((Message.SessionCreated) m).sessionId())
                .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no session named to " + to));
    }

    static Props manyProps(int count) {
        Map<String, String> entries = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            entries.put(String.format("k%03d", i), "v");
        }
        return new Props(new TreeMap<>(entries));
    }

    @Test
    void aJoinWhosePropertiesWouldOverflowTheSessionIsDroppedBeforeTheyAreMerged() {
        World w = new World(World.TIMED, SEED);
        w.start(20_000 * MS);
        w.net.runFor(1_000 * MS);
        // 255 properties of its own, plus the session's "mode", would make 256: more than a Props holds.
        w.net.inject(STRANGER, World.CLOUD, MessageCodec.encode(new Message.JoinRandom(1)));
        w.net.runFor(w.net.now() + 50 * MS);
        int session = sessionNamedTo(w, STRANGER);
        w.net.inject(STRANGER, World.CLOUD, MessageCodec.encode(
                new Message.JoinRequest(2, session, PeerRole.CLIENT, manyProps(255))));
        w.runUntilClientFinished(60_000 * MS);

        CloudCounters c = w.cloud.counters();
        assertThat(c.droppedOverLimit()).as("seed %d", SEED).isEqualTo(1);
        assertThat(c.droppedUnhandled()).isZero();
        assertThat(w.net.packets()).noneMatch(p -> p.to().equals(STRANGER) && p.kind() == MessageKind.JOIN_ACK);
        // The cloud goes on serving: the real client joins the same session later and connects.
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
    }

    @Test
    void propertiesLargerThanTheLimitAreRefusedAtCreation() {
        World w = new World(World.TIMED, SEED);
        w.net.start(World.CLOUD, 0);
        w.net.runFor(1 * MS);
        // 100 entries of 7 bytes each: 701 bytes, over a limit of 512.
        CloudServer small = new CloudServer(World.TIMED, new CloudLimits(10, 10, 10, 512, 3_000 * MS, 4, 30));
        Endpoint smallCloud = Endpoint.parse("203.0.113.2:5055");
        w.net.add(smallCloud, small);
        w.net.start(smallCloud, w.net.now());
        w.net.runFor(w.net.now() + 1 * MS);
        w.net.inject(STRANGER, smallCloud, MessageCodec.encode(new Message.CreateSession(1, manyProps(100))));
        w.net.inject(STRANGER, smallCloud, MessageCodec.encode(new Message.CreateSession(2, manyProps(10))));
        w.net.runFor(w.net.now() + 50 * MS);
        assertThat(small.counters().droppedOverLimit()).isEqualTo(1);
        assertThat(small.sessionCount()).isEqualTo(1);
    }

    @Test
    void aHandlerThatFailsDropsItsDatagramAndTheCloudServesTheNext() {
        World w = new World(World.TIMED, SEED);
        // Sending toward the stranger fails inside the cloud's handler (a bug stands in for any).
        w.net.drop(p -> {
            if (p.from().equals(World.CLOUD) && p.to().equals(STRANGER)) {
                throw new IllegalStateException("a failing handler");
            }
            return false;
        });
        w.start(0);
        w.net.runFor(1 * MS);
        w.net.inject(STRANGER, World.CLOUD, MessageCodec.encode(new Message.JoinRandom(1)));
        w.runUntilClientFinished(60_000 * MS);
        assertThat(w.cloud.counters().droppedUnhandled()).isEqualTo(1);
        assertThat(w.eventTime(Role.CLIENT, Step.K1)).isPositive();
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
    }

    @Test
    void sessionIdsComeFromTheCloudsRandomSourceNotACounter() {
        World w = new World(World.TIMED, SEED);
        w.net.start(World.CLOUD, 0);
        w.net.runFor(1 * MS);
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            Endpoint host = new Endpoint(STRANGER.ip(), 7000 + i);
            w.net.inject(host, World.CLOUD, MessageCodec.encode(new Message.CreateSession(1, Props.CLIENT_SERVER)));
            w.net.runFor(w.net.now() + 20 * MS);
            ids.add(sessionNamedTo(w, host));
        }
        assertThat(ids).hasSize(20).doesNotContain(-1, 0).noneMatch(id -> id > 0 && id <= 20);
    }

    @Test
    void theHostRoleBelongsToTheEndpointThatCreatedTheSession() {
        World w = new World(World.TIMED, SEED);
        // A slow host link leaves a window between SessionCreated and the host's own JoinRequest.
        w.net.latency(World.HOST, World.CLOUD, 100 * MS);
        w.start(0);
        w.net.runFor(150 * MS);
        int session = w.net.packets().stream().filter(p -> p.kind() == MessageKind.SESSION_CREATED)
                .map(p -> ((Message.SessionCreated) World.decode(p.payload())).sessionId()).findFirst().orElseThrow();
        // Someone who learnt the id claims the host role first.
        w.net.inject(STRANGER, World.CLOUD, MessageCodec.encode(
                new Message.JoinRequest(1, session, PeerRole.HOST, Props.CLIENT_SERVER)));
        // and the client's role, without the session ever being handed to it
        w.net.inject(STRANGER, World.CLOUD, MessageCodec.encode(
                new Message.JoinRequest(2, session, PeerRole.CLIENT, Props.CLIENT_SERVER)));
        w.runUntilClientFinished(60_000 * MS);

        assertThat(w.net.packets()).as("seed %d", SEED)
                .noneMatch(p -> p.to().equals(STRANGER) && p.kind() == MessageKind.JOIN_ACK);
        assertThat(w.cloud.counters().droppedNonMember()).isEqualTo(2);
        assertThat(w.event(Role.HOST, Step.H5)).isPresent();
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
        assertThat(w.host.path()).isEqualTo(Outcome.DIRECT);
    }
}
