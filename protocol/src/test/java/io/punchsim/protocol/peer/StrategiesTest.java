package io.punchsim.protocol.peer;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.cloud.CloudServer;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.config.StartupDelay;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.harness.StunResponder;
import io.punchsim.protocol.harness.TestNet;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The strategies of SPEC 2.4's second list that live in the peers: lan-stage, relay-without-reflexive
 * and relay-first. Every hop of the test network takes 10 ms unless a test says otherwise, so the
 * expected times are sums of hops: a direct round trip is 2 hops, a relayed one 4.
 */
class StrategiesTest {

    private static final long SEED = 43;
    private static final ProtocolConfig TIMED = ProtocolConfig.builder().startupDelay(StartupDelay.NONE).build();

    /** Host and client on one LAN (10.0.0.0/24) behind one NAT that does not hairpin. */
    private static final class Lan {
        static final Endpoint HOST = Endpoint.parse("10.0.0.1:4000");
        static final Endpoint CLIENT = Endpoint.parse("10.0.0.2:5000");
        static final Endpoint HOST_PUBLIC = Endpoint.parse("192.0.2.1:4000");
        static final Endpoint CLIENT_PUBLIC = Endpoint.parse("192.0.2.1:5000");

        final TestNet net = new TestNet(SEED);
        final HostPeer host;
        final ClientPeer client;

        Lan(ProtocolConfig config) {
            host = new HostPeer(config, World.CLOUD, World.STUN);
            client = new ClientPeer(config, World.CLOUD, World.STUN);
            net.add(World.CLOUD, new CloudServer(config));
            net.add(World.STUN, new StunResponder());
            net.add(HOST, host);
            net.add(CLIENT, client);
            net.translate(HOST, (from, to) -> to.equals(CLIENT) ? from : HOST_PUBLIC);
            net.translate(CLIENT, (from, to) -> to.equals(HOST) ? from : CLIENT_PUBLIC);
            net.drop(p -> (p.from().equals(CLIENT) && p.to().equals(HOST_PUBLIC))
                    || (p.from().equals(HOST) && p.to().equals(CLIENT_PUBLIC)));
        }

        Lan run() {
            net.start(World.CLOUD, 0);
            net.start(World.STUN, 0);
            net.start(HOST, 0);
            net.start(CLIENT, 0);
            net.runUntil(client::isFinished, 60_000 * MS);
            return this;
        }

        /** Where the client's direct requests went, by milliseconds after K1. */
        List<String> directRequests() {
            long k1 = client.result().k1AtNanos();
            return net.packets().stream()
                    .filter(p -> p.from().equals(CLIENT) && p.kind() == MessageKind.CONNECT_REQUEST)
                    .map(p -> (p.atNanos() - k1) / MS + " " + p.to()).toList();
        }
    }

    @Test
    void lanStageConnectsOverTheLanOnAttemptZero() {
        Lan lan = new Lan(TIMED.toBuilder().lanStage(true).build()).run();
        ConnectionResult r = lan.client.result();
        assertThat(r.outcome()).as("seed %d", SEED).isEqualTo(Outcome.DIRECT);
        assertThat(r.attemptIndex()).as("seed %d", SEED).isZero();
        // Client -> host's local address -> client: one hop each way.
        assertThat(r.connectFromK1Nanos()).as("seed %d", SEED).isEqualTo(20 * MS);
        assertThat(lan.host.pingTargets()).as("seed %d", SEED).containsExactly(Lan.CLIENT_PUBLIC, Lan.CLIENT);
    }

    @Test
    void withoutTheLanStageTheSameLanRelays() {
        Lan lan = new Lan(TIMED).run();
        assertThat(lan.client.result().outcome()).as("seed %d", SEED).isEqualTo(Outcome.RELAYED);
        assertThat(lan.client.result().attemptIndex()).as("seed %d", SEED).isEqualTo(7);
        assertThat(lan.host.pingTargets()).as("seed %d", SEED).containsExactly(Lan.CLIENT_PUBLIC);
    }

    @Test
    void lanStageSpendsTheFirstHalfOfTheDirectAttemptsOnTheLocalAddressThenTheReflexiveOne() {
        Lan lan = new Lan(TIMED.toBuilder().lanStage(true).build());
        // Nothing direct gets through: the whole schedule shows.
        lan.net.drop(p -> p.kind() == MessageKind.CONNECT_REQUEST && p.from().equals(Lan.CLIENT));
        lan.run();
        // 7 direct attempts at the defaults (n < 2/3 x 10): 4 to the local address, 3 to the reflexive one.
        assertThat(lan.directRequests()).as("seed %d", SEED).containsExactly(
                "0 " + Lan.HOST, "500 " + Lan.HOST, "1000 " + Lan.HOST, "1500 " + Lan.HOST,
                "2000 " + Lan.HOST_PUBLIC, "2500 " + Lan.HOST_PUBLIC, "3000 " + Lan.HOST_PUBLIC);
        assertThat(lan.client.result().outcome()).as("seed %d", SEED).isEqualTo(Outcome.RELAYED);
        assertThat(lan.client.result().attemptIndex()).as("seed %d", SEED).isEqualTo(7);
    }

    @Test
    void lanStageLeavesPeersInAnotherSubnetAlone() {
        // World's host is 10.0.0.1 and its client 10.1.0.1: two /24s, so no local stage.
        World w = new World(TIMED.toBuilder().lanStage(true).build(), SEED).start(0).runUntilClientFinished(60_000 * MS);
        assertThat(w.client.directTargets()).as("seed %d", SEED).containsExactly(World.HOST);
        assertThat(w.host.pingTargets()).as("seed %d", SEED).containsExactly(World.CLIENT);
        assertThat(w.client.result().connectFromK1Nanos()).as("seed %d", SEED).isEqualTo(20 * MS);
    }

    @Test
    void subnetsAreSiteLocalSlash24s() {
        Endpoint a = Endpoint.parse("192.168.1.10:1");
        assertThat(a.sameSubnet(Endpoint.parse("192.168.1.200:2"))).isTrue();
        assertThat(a.sameSubnet(Endpoint.parse("192.168.2.10:1"))).isFalse();
        assertThat(Endpoint.parse("127.0.0.1:1").sameSubnet(Endpoint.parse("127.0.0.1:2"))).isTrue();
        // Public addresses have no LAN stage, even in one /24.
        assertThat(Endpoint.parse("198.51.100.1:1").sameSubnet(Endpoint.parse("198.51.100.2:1"))).isFalse();
    }

    private static World clientWithoutStun(ProtocolConfig config) {
        World w = new World(config, SEED);
        w.net.drop(p -> p.from().equals(World.CLIENT) && p.to().equals(World.STUN));
        return w.start(0).runUntilClientFinished(600_000 * MS);
    }

    @Test
    void withoutReflexiveTheClientFailsStun() {
        World w = clientWithoutStun(TIMED);
        assertThat(w.client.result().outcome()).as("seed %d", SEED).isEqualTo(Outcome.FAILED);
        assertThat(w.client.result().failureReason()).as("seed %d", SEED).isEqualTo(FailureReason.STUN_FAILED);
    }

    @Test
    void relayWithoutReflexiveRelaysAtOnceWhenTheClientsStunFails() {
        World w = clientWithoutStun(TIMED.toBuilder().relayWithoutReflexive(true).build());
        ConnectionResult r = w.client.result();
        assertThat(r.outcome()).as("seed %d", SEED).isEqualTo(Outcome.RELAYED);
        assertThat(r.attemptIndex()).as("seed %d", SEED).isZero();
        // client -> cloud -> host -> cloud -> client.
        assertThat(r.connectFromK1Nanos()).as("seed %d", SEED).isEqualTo(40 * MS);
        // STUN gave up after RFC 8489's schedule (39.5 s) before the report.
        assertThat(w.eventTime(Role.CLIENT, Step.C11) - w.eventTime(Role.CLIENT, Step.C9)).as("seed %d", SEED)
                .isEqualTo(39_500 * MS);
        assertThat(w.host.pingsSent()).as("seed %d", SEED).isZero();
        assertThat(w.net.packets()).as("seed %d", SEED)
                .noneMatch(p -> p.from().equals(World.CLIENT) && p.kind() == MessageKind.CONNECT_REQUEST);
    }

    @Test
    void relayWithoutReflexiveRelaysAtOnceWhenTheHostsStunFails() {
        World w = new World(TIMED.toBuilder().relayWithoutReflexive(true).build(), SEED);
        w.net.drop(p -> p.from().equals(World.HOST) && p.to().equals(World.STUN));
        // The host reports only once its STUN gave up (39.5 s): a client that had waited the listen
        // timeout for its addresses by then would have given up, so this one comes later.
        w.start(45_000 * MS).runUntilClientFinished(600_000 * MS);
        ConnectionResult r = w.client.result();
        assertThat(r.outcome()).as("seed %d", SEED).isEqualTo(Outcome.RELAYED);
        assertThat(r.attemptIndex()).as("seed %d", SEED).isZero();
        assertThat(r.connectFromK1Nanos()).as("seed %d", SEED).isEqualTo(40 * MS);
        assertThat(w.client.directTargets()).as("seed %d", SEED).isEmpty();
    }

    /**
     * relay-first on a network where the direct path is slower than the relay: 50 ms each way. The
     * game phase (20 Hz) lasts 5 s, longer than the direct attempts (3 s): it ends the background
     * attempts when it ends.
     */
    private static World relayFirst(boolean directBlocked) {
        World w = new World(World.TIMED.toBuilder().relayFirst(true).gamePhaseLength(5_000 * MS).build(), SEED);
        w.net.latency(World.HOST, World.CLIENT, 50 * MS);
        if (directBlocked) {
            w.net.drop(p -> p.to().equals(World.HOST) && p.kind() == MessageKind.CONNECT_REQUEST);
        }
        return w.start(0).runUntilClientFinished(600_000 * MS);
    }

    @Test
    void relayFirstConnectsThroughTheRelayThenUpgradesToDirect() {
        World w = relayFirst(false);
        ConnectionResult r = w.client.result();
        assertThat(r.outcome()).as("seed %d", SEED).isEqualTo(Outcome.DIRECT);
        assertThat(r.attemptIndex()).as("seed %d", SEED).isZero();
        assertThat(r.connectFromK1Nanos()).as("seed %d", SEED).isEqualTo(40 * MS);
        assertThat(r.upgradeFromK1Nanos()).as("seed %d", SEED).isEqualTo(100 * MS);
        // 20 Hz from the relayed connection at 40 ms: the updates at 40 ms (echoed at 80 ms) and at
        // 90 ms (echoed at 130 ms) went through the relay; from 140 ms on they go direct.
        assertThat(r.roundTripBeforeUpgradeNanos()).as("seed %d", SEED).containsExactly(40 * MS, 40 * MS);
        assertThat(r.roundTripNanos()).as("seed %d", SEED).hasSize(98).containsOnly(100 * MS);
        long k1 = r.k1AtNanos();
        List<Long> updatesDirect = w.net.packets().stream()
                .filter(p -> p.from().equals(World.CLIENT) && p.to().equals(World.HOST) && p.kind() == MessageKind.GAME_UPDATE)
                .map(p -> (p.atNanos() - k1) / MS).limit(1).toList();
        assertThat(updatesDirect).as("seed %d", SEED).containsExactly(140L);
    }

    @Test
    void relayFirstWhoseDirectAttemptsAreNeverAnsweredStaysOnTheRelay() {
        World w = relayFirst(true);
        ConnectionResult r = w.client.result();
        assertThat(r.outcome()).as("seed %d", SEED).isEqualTo(Outcome.RELAYED);
        assertThat(r.connectFromK1Nanos()).as("seed %d", SEED).isEqualTo(40 * MS);
        assertThat(r.upgraded()).as("seed %d", SEED).isFalse();
        assertThat(r.roundTripNanos()).as("seed %d", SEED).hasSize(100).containsOnly(40 * MS);
        long k1 = r.k1AtNanos();
        // The background attempts are the direct ones of the schedule, n < f x L; none is relayed again.
        List<Long> direct = w.net.packets().stream()
                .filter(p -> p.from().equals(World.CLIENT) && p.kind() == MessageKind.CONNECT_REQUEST)
                .map(p -> (p.atNanos() - k1) / MS).toList();
        assertThat(direct).as("seed %d", SEED).containsExactly(0L, 500L, 1000L, 1500L, 2000L, 2500L, 3000L);
        long relayedRequests = w.net.packets().stream()
                .filter(p -> p.from().equals(World.CLIENT) && World.relayed(p.payload()) instanceof Message.ConnectRequest)
                .count();
        assertThat(relayedRequests).as("seed %d", SEED).isEqualTo(1);
    }

    @Test
    void relayFirstTakesADirectAcceptThatComesFirstWithoutAnUpgrade() {
        // The default hops: a direct round trip (20 ms) beats the relayed one (40 ms).
        World w = new World(TIMED.toBuilder().relayFirst(true).build(), SEED).start(0).runUntilClientFinished(60_000 * MS);
        ConnectionResult r = w.client.result();
        assertThat(r.outcome()).as("seed %d", SEED).isEqualTo(Outcome.DIRECT);
        assertThat(r.connectFromK1Nanos()).as("seed %d", SEED).isEqualTo(20 * MS);
        assertThat(r.upgraded()).as("seed %d", SEED).isFalse();
    }
}
