package io.punchsim.protocol.peer;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.cloud.CloudServer;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.harness.StunResponder;
import io.punchsim.protocol.harness.TestNet;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC 2.8: one host serves every client the cloud pairs with it, each on its own; a full session refuses. */
class SessionOfManyClientsTest {

    private static final long SEED = 28;

    /** A host, {@code n} clients (the k-th at 10.1.0.k:5000, starting k × 50 ms in), the cloud and STUN. */
    private static final class Lobby {
        final TestNet net = new TestNet(SEED);
        final HostPeer host;
        final CloudServer cloud;
        final List<ClientPeer> clients = new ArrayList<>();
        final List<Endpoint> at = new ArrayList<>();

        Lobby(ProtocolConfig config, int n, int expected) {
            host = new HostPeer(config, World.CLOUD, World.STUN, expected);
            cloud = new CloudServer(config);
            net.add(World.CLOUD, cloud);
            net.add(World.STUN, new StunResponder());
            net.add(World.HOST, host);
            for (int k = 1; k <= n; k++) {
                ClientPeer c = new ClientPeer(config, World.CLOUD, World.STUN);
                Endpoint e = Endpoint.parse("10.1.0." + k + ":5000");
                clients.add(c);
                at.add(e);
                net.add(e, c);
            }
        }

        Lobby run() {
            net.start(World.CLOUD, 0);
            net.start(World.STUN, 0);
            net.start(World.HOST, 0);
            for (int k = 0; k < clients.size(); k++) {
                net.start(at.get(k), 500 * MS + k * 50 * MS);
            }
            net.runUntil(() -> clients.stream().allMatch(Peer::isFinished) && host.isFinished(), 120_000 * MS);
            return this;
        }
    }

    @Test
    void threeClientsEachGetTheirOwnPairingAndTheOneWithoutADirectPathIsRelayedToItself() {
        // Long enough a game that every client is still in the session when the third relays.
        ProtocolConfig config = World.TIMED.toBuilder().gamePhaseLength(10_000 * MS).build();
        Lobby l = new Lobby(config, 3, 3);
        // The third client's direct datagrams never reach the host: only the relay connects it.
        l.net.drop(p -> p.from().equals(l.at.get(2)) && p.to().equals(World.HOST));
        l.run();

        for (int k = 0; k < 3; k++) {
            assertThat(l.clients.get(k).result().outcome()).as("seed %d, client %d", SEED, k + 1)
                    .isEqualTo(k < 2 ? Outcome.DIRECT : Outcome.RELAYED);
            // Every game update was echoed to the client that sent it, on its path.
            assertThat(l.clients.get(k).result().roundTripNanos()).as("seed %d, client %d", SEED, k + 1)
                    .hasSize(config.gameTicks());
        }
        // One K1/K2 per client, each pairing with its own nonce, pinged on its own schedule.
        List<Message.PeerAddresses> toHost = l.net.packets().stream()
                .filter(p -> p.to().equals(World.HOST) && p.kind() == MessageKind.PEER_ADDRESSES && !p.dropped())
                .map(p -> (Message.PeerAddresses) World.decode(p.payload())).toList();
        Set<Long> nonces = new HashSet<>();
        toHost.forEach(m -> nonces.add(m.nonce()));
        assertThat(nonces).as("seed %d", SEED).hasSize(3);
        assertThat(l.host.served()).hasSize(3).allMatch(c -> c.pings() >= 1);
        assertThat(l.host.served()).extracting(HostPeer.ServedClient::path)
                .containsExactlyInAnyOrder(Outcome.DIRECT, Outcome.DIRECT, Outcome.RELAYED);
        assertThat(l.host.relayedAccepts()).isEqualTo(1);
        // Every ping went to one client's reflexive address, never a stranger.
        Set<Endpoint> clients = new HashSet<>(l.at);
        assertThat(l.net.packets().stream().filter(p -> p.from().equals(World.HOST) && p.kind() == MessageKind.PING))
                .allMatch(p -> clients.contains(p.to()));
        // The relayed accept and echoes went to the third client only.
        assertThat(l.net.packets().stream().filter(p -> p.from().equals(World.CLOUD) && p.kind() == MessageKind.RELAY))
                .isNotEmpty().allMatch(p -> p.to().equals(World.HOST) || p.to().equals(l.at.get(2)));
        assertThat(l.host.isFinished()).isTrue();
    }

    @Test
    void aSessionOfThreePlayersRefusesTheThirdAndFourthClientWithSessionFull() {
        ProtocolConfig config = World.TIMED.toBuilder().sessionCapacity(3).build();
        Lobby l = new Lobby(config, 4, 2).run();

        long full = l.clients.stream().filter(c -> c.result().failureReason() == FailureReason.SESSION_FULL).count();
        long direct = l.clients.stream().filter(c -> c.result().outcome() == Outcome.DIRECT).count();
        assertThat(full).as("seed %d", SEED).isEqualTo(2);
        assertThat(direct).as("seed %d", SEED).isEqualTo(2);
        // The refused ones are the two that asked last.
        assertThat(l.clients.get(2).result().failureReason()).isEqualTo(FailureReason.SESSION_FULL);
        assertThat(l.clients.get(3).result().failureReason()).isEqualTo(FailureReason.SESSION_FULL);
        assertThat(l.net.packets().stream().filter(p -> p.kind() == MessageKind.SESSION_FULL)
                .map(Endpoint -> Endpoint.to()).distinct()).hasSize(2);
        assertThat(l.host.served()).hasSize(2);
    }

    @Test
    void aClientCannotRelayToAnotherClientNorTheHostToAClientOutsideTheSession() {
        ProtocolConfig config = World.TIMED.toBuilder().gamePhaseLength(10_000 * MS).build();
        Lobby l = new Lobby(config, 2, 2);
        l.net.start(World.CLOUD, 0);
        l.net.start(World.STUN, 0);
        l.net.start(World.HOST, 0);
        l.net.start(l.at.get(0), 500 * MS);
        l.net.start(l.at.get(1), 550 * MS);
        l.net.runUntil(() -> l.clients.stream().allMatch(c -> c.result().outcome() == Outcome.DIRECT), 60_000 * MS);
        int session = l.net.packets().stream().filter(p -> p.kind() == MessageKind.SESSION_CREATED)
                .map(p -> ((Message.SessionCreated) World.decode(p.payload())).sessionId()).findFirst().orElseThrow();
        byte[] ping = io.punchsim.protocol.wire.MessageCodec.encode(new Message.Ping(session, 0));
        long nonMember = l.cloud.counters().droppedNonMember();
        long noPeer = l.cloud.counters().droppedNoPeer();
        int before = l.net.packets().size();
        // The second client (peer 3) names the first (peer 2): not its own id, so not a member speaking.
        l.net.inject(l.at.get(1), World.CLOUD, io.punchsim.protocol.wire.MessageCodec.encodeRelay(session, 2, ping));
        // The host names a client the session does not hold.
        l.net.inject(World.HOST, World.CLOUD, io.punchsim.protocol.wire.MessageCodec.encodeRelay(session, 9, ping));
        l.net.runFor(l.net.now() + 100 * MS);

        assertThat(l.cloud.counters().droppedNonMember() - nonMember).as("seed %d", SEED).isEqualTo(1);
        assertThat(l.cloud.counters().droppedNoPeer() - noPeer).as("seed %d", SEED).isEqualTo(1);
        assertThat(l.net.packets().subList(before, l.net.packets().size()))
                .noneMatch(p -> p.from().equals(World.CLOUD) && p.kind() == MessageKind.RELAY);
    }

    @Test
    void aHostServingOneClientLeavesAfterItAsBefore() {
        Lobby l = new Lobby(World.TIMED, 1, 1).run();
        assertThat(l.clients.get(0).result().outcome()).as("seed %d", SEED).isEqualTo(Outcome.DIRECT);
        assertThat(l.host.isFinished()).isTrue();
        assertThat(l.host.served()).hasSize(1);
    }
}
