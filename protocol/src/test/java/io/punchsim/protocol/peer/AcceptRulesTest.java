package io.punchsim.protocol.peer;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.harness.TestNet.Packet;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which accept fixes the outcome, and where the host sends it. */
class AcceptRulesTest {

    private static final long SEED = 23;

    private static World slowCloud(long hostClientOneWay) {
        World w = new World(World.TIMED, SEED);
        w.net.latency(World.CLIENT, World.CLOUD, 100 * MS).latency(World.HOST, World.CLOUD, 100 * MS)
                .latency(World.HOST, World.CLIENT, hostClientOneWay * MS);
        return w;
    }

    @Test
    void directConnectionTakesOneRoundTripFromK1AndMeasuresIt() {
        World w = new World(World.TIMED, SEED);
        w.net.latency(World.HOST, World.CLIENT, 20 * MS);
        w.start(0).runUntilClientFinished(60_000 * MS);
        ConnectionResult r = w.client.result();
        assertThat(r.outcome()).as("seed %d", SEED).isEqualTo(Outcome.DIRECT);
        assertThat(r.attemptIndex()).isZero();
        assertThat(r.connectFromK1Nanos()).isEqualTo(40 * MS);
        assertThat(r.connectFromStartNanos()).isEqualTo(r.k1AtNanos() + 40 * MS);
        // 2 s at 20 Hz, each echoed over a 20 ms path
        assertThat(r.updatesSent()).isEqualTo(40);
        assertThat(r.roundTripNanos()).hasSize(40).containsOnly(40 * MS);
        assertThat(w.host.path()).isEqualTo(Outcome.DIRECT);
    }

    @Test
    void hostRepliesToTheObservedSourceNotTheReportedAddress() {
        World w = new World(World.TIMED, SEED);
        Endpoint towardStun = Endpoint.parse("192.0.2.50:1000");
        Endpoint towardOthers = Endpoint.parse("192.0.2.50:2000");
        // An endpoint-dependent mapping: the client's NAT maps it differently toward the STUN server.
        w.net.translate(World.CLIENT, (from, to) -> to.equals(World.STUN) ? towardStun : towardOthers);
        w.start(0).runUntilClientFinished(60_000 * MS);

        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
        List<Packet> accepts = w.net.packets().stream()
                .filter(p -> p.from().equals(World.HOST) && p.kind() == MessageKind.CONNECT_ACCEPT).toList();
        assertThat(accepts).isNotEmpty().allMatch(p -> p.to().equals(towardOthers));
        assertThat(w.net.packets().stream().filter(p -> p.kind() == MessageKind.PING))
                .isNotEmpty().allMatch(p -> p.to().equals(towardStun));
    }

    @Test
    void directAcceptWinsOverALaterRelayedOne() {
        World w = slowCloud(300);
        // Attempts 0..5 never reach the host; attempt 6 (at 3.0 s) does, over a 300 ms path.
        w.net.drop(p -> p.to().equals(World.HOST)
                && World.decode(p.payload()) instanceof Message.ConnectRequest c && c.attempt() < 6);
        w.start(0).runUntilClientFinished(60_000 * MS);
        ConnectionResult r = w.client.result();
        assertThat(r.outcome()).isEqualTo(Outcome.DIRECT);
        assertThat(r.attemptIndex()).isEqualTo(6);
        assertThat(r.connectFromK1Nanos()).isEqualTo(3600 * MS);
        // The relayed attempt 7 (3.5 s) was accepted too, and its accept reached the client at 3.9 s.
        long k1 = r.k1AtNanos();
        assertThat(w.net.packets()).anyMatch(p -> p.from().equals(World.CLOUD) && p.to().equals(World.CLIENT)
                && World.relayed(p.payload()) instanceof Message.ConnectAccept a && a.attempt() == 7
                && p.atNanos() == k1 + 3800 * MS);
        // Game updates go the direct way only.
        assertThat(w.net.packets()).noneMatch(p -> p.from().equals(World.CLIENT)
                && World.relayed(p.payload()) instanceof Message.GameUpdate);
        assertThat(r.roundTripNanos()).hasSize(40).containsOnly(600 * MS);
    }

    @Test
    void relayedAcceptWinsOverALaterDirectOne() {
        World w = slowCloud(2000);
        w.start(0).runUntilClientFinished(60_000 * MS);
        ConnectionResult r = w.client.result();
        // Attempt 0's direct accept would arrive at 4.0 s; relayed attempt 7 (3.5 s) is back at 3.9 s.
        assertThat(r.outcome()).isEqualTo(Outcome.RELAYED);
        assertThat(r.attemptIndex()).isEqualTo(7);
        assertThat(r.connectFromK1Nanos()).isEqualTo(3900 * MS);
        long k1 = r.k1AtNanos();
        assertThat(w.net.packets()).anyMatch(p -> p.from().equals(World.HOST) && p.to().equals(World.CLIENT)
                && p.kind() == MessageKind.CONNECT_ACCEPT && p.atNanos() == k1 + 2000 * MS);
        assertThat(w.net.packets()).noneMatch(p -> p.from().equals(World.CLIENT)
                && p.kind() == MessageKind.GAME_UPDATE);
        assertThat(r.roundTripNanos()).hasSize(40).containsOnly(400 * MS);
        // The relayed steps, in order: K4 at the client, K5 at the cloud, K10 at the host, K11 at the
        // cloud and the client, then K12 at the client and K13 at the cloud.
        long k4 = w.events(Role.CLIENT, Step.K4).get(0).atNanos();
        assertThat(k4 - k1).isEqualTo(3500 * MS);
        assertThat(w.eventTime(Role.CLOUD, Step.K5)).isEqualTo(k4 + 100 * MS);
        assertThat(w.eventTime(Role.HOST, Step.K10)).isEqualTo(k4 + 200 * MS);
        assertThat(w.eventTime(Role.CLOUD, Step.K11)).isEqualTo(k4 + 300 * MS);
        assertThat(w.eventTime(Role.CLIENT, Step.K11)).isEqualTo(k4 + 400 * MS);
        assertThat(w.eventTime(Role.CLIENT, Step.K12)).isEqualTo(k4 + 400 * MS);
        assertThat(w.eventTime(Role.CLOUD, Step.K13)).isEqualTo(k4 + 500 * MS);
        // The host answered every request that reached it: seven direct ones (arriving 2.0 s to 5.0 s)
        // and the one relayed attempt made before the client connected.
        assertThat(w.host.directAccepts()).isEqualTo(7);
        assertThat(w.host.relayedAccepts()).isEqualTo(1);
    }

    @Test
    void duplicatedAcceptsAndEchoesChangeNothing() {
        World w = new World(World.TIMED, SEED);
        w.net.latency(World.HOST, World.CLIENT, 20 * MS);
        w.net.duplicate(p -> p.to().equals(World.CLIENT));
        w.start(0).runUntilClientFinished(60_000 * MS);
        ConnectionResult r = w.client.result();
        assertThat(r.outcome()).isEqualTo(Outcome.DIRECT);
        assertThat(r.attemptIndex()).isZero();
        assertThat(r.connectFromK1Nanos()).isEqualTo(40 * MS);
        assertThat(r.roundTripNanos()).hasSize(40).containsOnly(40 * MS);
        assertThat(w.events(Role.CLIENT, Step.K8)).hasSize(1);
    }

    @Test
    void anAcceptAfterShutDownChangesNothing() {
        World w = slowCloud(2550);
        // Relayed requests never reach the host; attempt 0's direct accept arrives at 5.1 s.
        w.net.drop(p -> p.from().equals(World.CLOUD) && p.to().equals(World.HOST) && p.kind() == MessageKind.RELAY);
        w.start(0).runUntilClientFinished(60_000 * MS);
        w.net.runFor(w.net.now() + 2000 * MS);
        ConnectionResult r = w.client.result();
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.failureReason()).isEqualTo(FailureReason.ATTEMPTS_EXHAUSTED);
        assertThat(r.attemptIndex()).isEqualTo(-1);
        assertThat(w.net.packets()).anyMatch(p -> p.from().equals(World.HOST)
                && p.kind() == MessageKind.CONNECT_ACCEPT && p.atNanos() == r.k1AtNanos() + 2550 * MS);
        assertThat(w.net.packets()).noneMatch(p -> p.from().equals(World.CLIENT)
                && p.atNanos() > r.k1AtNanos() + 5000 * MS);
    }
}
