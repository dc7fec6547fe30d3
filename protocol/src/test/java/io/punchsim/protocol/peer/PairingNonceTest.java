package io.punchsim.protocol.peer;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageCodec;
import io.punchsim.protocol.wire.MessageKind;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SPEC 2.9: a peer accepts a connection request or accept only with the nonce the cloud gave its pairing. */
class PairingNonceTest {

    private static final long SEED = 29;
    private static final Endpoint FORGER = Endpoint.parse("198.18.0.66:4444");

    private static int sessionOf(World w) {
        return w.net.packets().stream().filter(p -> p.kind() == MessageKind.SESSION_CREATED)
                .map(p -> ((Message.SessionCreated) World.decode(p.payload())).sessionId()).findFirst().orElseThrow();
    }

    private static long nonceOf(World w) {
        return w.net.packets().stream().filter(p -> p.kind() == MessageKind.PEER_ADDRESSES)
                .map(p -> ((Message.PeerAddresses) World.decode(p.payload())).nonce()).findFirst().orElseThrow();
    }

    @Test
    void aForgedAcceptWithTheRightSessionButNoNonceChangesNothing() {
        World w = new World(World.TIMED, SEED);
        // The host is slow to answer, so the forgery arrives first.
        w.net.latency(World.HOST, World.CLIENT, 200 * MS);
        w.start(0);
        w.net.runUntil(() -> w.event(Role.CLIENT, Step.K1).isPresent(), 60_000 * MS);
        int session = sessionOf(w);
        for (long guess = 0; guess < 16; guess++) {
            w.net.inject(FORGER, World.CLIENT, MessageCodec.encode(new Message.ConnectAccept(session, 0, guess)));
        }
        w.runUntilClientFinished(60_000 * MS);

        ConnectionResult r = w.client.result();
        assertThat(r.outcome()).as("seed %d", SEED).isEqualTo(Outcome.DIRECT);
        assertThat(r.connectFromK1Nanos()).isEqualTo(400 * MS);
        assertThat(w.client.wrongNonceDropped()).isEqualTo(16);
        assertThat(w.net.packets()).noneMatch(p -> p.from().equals(World.CLIENT) && p.to().equals(FORGER));
    }

    @Test
    void aRequestWithoutThePairingsNonceIsNotAcceptedAndAddsNoTarget() {
        World w = new World(World.TIMED.toBuilder().peerReflexive(true).build(), SEED);
        // The client's own requests never reach the host directly: only the relay connects it.
        w.net.drop(p -> p.from().equals(World.CLIENT) && p.to().equals(World.HOST));
        w.start(0);
        w.net.runUntil(() -> w.event(Role.HOST, Step.K2).isPresent(), 60_000 * MS);
        int session = sessionOf(w);
        long nonce = nonceOf(w);
        w.net.inject(FORGER, World.HOST, MessageCodec.encode(new Message.ConnectRequest(session, 0, nonce + 1)));
        w.runUntilClientFinished(60_000 * MS);

        assertThat(w.host.wrongNonceDropped()).isEqualTo(1);
        assertThat(w.host.pingTargets()).doesNotContain(FORGER);
        assertThat(w.net.packets()).noneMatch(p -> p.to().equals(FORGER));
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.RELAYED);
    }

    @Test
    void aRequestThatOvertakesTheHostsPeerAddressesIsAcceptedWithTheNonceOfItsJoinAck() {
        World w = new World(World.TIMED, SEED);
        AtomicInteger toHost = new AtomicInteger();
        // The host's K2 is lost once and comes 250 ms late; the client's first request comes first.
        w.net.drop(p -> p.kind() == MessageKind.PEER_ADDRESSES && p.to().equals(World.HOST)
                && toHost.incrementAndGet() == 1);
        w.start(0).runUntilClientFinished(60_000 * MS);

        ConnectionResult r = w.client.result();
        assertThat(r.outcome()).as("seed %d", SEED).isEqualTo(Outcome.DIRECT);
        assertThat(r.attemptIndex()).isZero();
        assertThat(w.eventTime(Role.HOST, Step.K8)).isLessThan(w.eventTime(Role.HOST, Step.K2));
        assertThat(w.host.wrongNonceDropped()).isZero();
    }
}
