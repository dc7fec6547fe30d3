package io.punchsim.protocol.peer;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each variant of spec 2.4 changes the outcome of a network made to need it, and only when on. */
class VariantsTest {

    private static final long SEED = 41;
    private static final Endpoint HOST_PUBLIC = Endpoint.parse("192.0.2.1:1000");
    private static final Endpoint HOST_TOWARD_CLIENT = Endpoint.parse("192.0.2.1:1001");
    private static final Endpoint HOST_TOWARD_CLIENT_FAR = Endpoint.parse("192.0.2.1:2000");

    /**
     * The host's NAT maps it to {@code HOST_PUBLIC} toward STUN and the cloud and to
     * {@code towardClient} toward the client, and drops what the client sends to {@code HOST_PUBLIC}.
     */
    private static World hostBehindDependentNat(ProtocolConfig config, Endpoint towardClient) {
        World w = new World(config, SEED);
        w.net.translate(World.HOST, (from, to) -> to.equals(World.CLIENT) ? towardClient : HOST_PUBLIC);
        w.net.drop(p -> p.from().equals(World.CLIENT) && p.to().equals(HOST_PUBLIC));
        return w.start(0).runUntilClientFinished(60_000 * MS);
    }

    @Test
    void parallelRelaySendsRelayAttemptsFromAttemptZero() {
        World w = new World(ProtocolConfig.builder().parallelRelay(true).build(), SEED);
        w.net.drop(p -> p.to().equals(World.HOST) && p.kind() == MessageKind.CONNECT_REQUEST);
        w.net.drop(p -> p.from().equals(World.CLOUD) && p.to().equals(World.HOST) && p.kind() == MessageKind.RELAY);
        w.start(0).runUntilClientFinished(60_000 * MS);
        long k1 = w.client.result().k1AtNanos();
        List<Long> relays = w.net.packets().stream()
                .filter(p -> p.from().equals(World.CLIENT) && World.relayed(p.payload()) instanceof Message.ConnectRequest)
                .map(p -> (p.atNanos() - k1) / MS).toList();
        assertThat(relays).as("seed %d", SEED)
                .containsExactly(0L, 500L, 1000L, 1500L, 2000L, 2500L, 3000L, 3500L, 4000L, 4500L);
    }

    @Test
    void parallelRelayConnectsThroughTheCloudAtAttemptZeroWhenDirectIsBlocked() {
        World w = new World(ProtocolConfig.builder().parallelRelay(true).build(), SEED);
        w.net.drop(p -> p.to().equals(World.HOST) && p.kind() == MessageKind.CONNECT_REQUEST);
        w.start(0).runUntilClientFinished(60_000 * MS);
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.RELAYED);
        assertThat(w.client.result().attemptIndex()).isZero();
        assertThat(w.client.result().connectFromK1Nanos()).isEqualTo(40 * MS);
    }

    @Test
    void withoutPeerReflexiveTheDependentNatForcesTheRelay() {
        World w = hostBehindDependentNat(ProtocolConfig.DEFAULTS, HOST_TOWARD_CLIENT_FAR);
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.RELAYED);
        assertThat(w.client.result().attemptIndex()).isEqualTo(7);
    }

    @Test
    void peerReflexiveTargetsTheAddressTheHostsPingsComeFrom() {
        World w = hostBehindDependentNat(ProtocolConfig.builder().peerReflexive(true).build(), HOST_TOWARD_CLIENT_FAR);
        ConnectionResult r = w.client.result();
        // Ping 0 arrives 10 ms after K1; attempt 1 (at 500 ms) also goes to its source and is answered.
        assertThat(r.outcome()).isEqualTo(Outcome.DIRECT);
        assertThat(r.attemptIndex()).isEqualTo(1);
        assertThat(r.connectFromK1Nanos()).isEqualTo(520 * MS);
        assertThat(w.client.directTargets()).containsExactly(HOST_PUBLIC, HOST_TOWARD_CLIENT_FAR);
    }

    @Test
    void portPredictionTriesTheNextPorts() {
        World off = hostBehindDependentNat(ProtocolConfig.DEFAULTS, HOST_TOWARD_CLIENT);
        assertThat(off.client.result().outcome()).isEqualTo(Outcome.RELAYED);
        World on = hostBehindDependentNat(ProtocolConfig.builder().portPrediction(true).predictedPorts(3).build(), HOST_TOWARD_CLIENT);
        assertThat(on.client.directTargets()).containsExactly(HOST_PUBLIC, HOST_TOWARD_CLIENT,
                Endpoint.parse("192.0.2.1:1002"), Endpoint.parse("192.0.2.1:1003"));
        assertThat(on.client.result().outcome()).isEqualTo(Outcome.DIRECT);
        assertThat(on.client.result().attemptIndex()).isZero();
    }

    @Test
    void localCandidatesConnectOnALanWithoutHairpinning() {
        Endpoint hostPublic = Endpoint.parse("192.0.2.1:4000");
        Endpoint clientPublic = Endpoint.parse("192.0.2.1:5000");
        ProtocolConfig config = ProtocolConfig.builder().localCandidates(true).build();
        for (boolean on : new boolean[] {false, true}) {
            World w = new World(on ? config : ProtocolConfig.DEFAULTS, SEED);
            // Both behind one NAT: public addresses toward STUN and the cloud; on the LAN, their own.
            w.net.translate(World.HOST, (from, to) -> to.equals(World.CLIENT) ? from : hostPublic);
            w.net.translate(World.CLIENT, (from, to) -> to.equals(World.HOST) ? from : clientPublic);
            // The NAT does not hairpin: a packet from inside to its own public address is lost.
            w.net.drop(p -> (p.from().equals(World.CLIENT) && p.to().equals(hostPublic))
                    || (p.from().equals(World.HOST) && p.to().equals(clientPublic)));
            w.start(0).runUntilClientFinished(60_000 * MS);
            assertThat(w.client.result().outcome()).as("localCandidates=%s", on)
                    .isEqualTo(on ? Outcome.DIRECT : Outcome.RELAYED);
            if (on) {
                assertThat(w.client.result().attemptIndex()).isZero();
            }
        }
    }
}
