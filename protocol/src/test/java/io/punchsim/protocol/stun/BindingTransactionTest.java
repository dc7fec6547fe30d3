package io.punchsim.protocol.stun;

import io.punchsim.protocol.config.Retransmission;

import static io.punchsim.protocol.stun.FakeNetwork.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.protocol.stun.BindingTransaction.Answered;
import io.punchsim.protocol.stun.BindingTransaction.Outcome;
import io.punchsim.protocol.stun.BindingTransaction.TimedOut;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retransmission schedule of RFC 8489 section 6.2.1 and its worked example. */
class BindingTransactionTest {

    private static final Endpoint SERVER = Endpoint.parse("192.0.2.10:3478");
    private static final Endpoint CLIENT = Endpoint.parse("203.0.113.7:40000");

    /** A client socket that runs one transaction and forwards it every datagram. */
    private static final class Client implements Machine {
        final List<Outcome> outcomes = new ArrayList<>();
        final List<Long> outcomeTimes = new ArrayList<>();
        final Retransmission policy;
        Context context;
        BindingTransaction transaction;

        Client(Retransmission policy) {
            this.policy = policy;
        }

        @Override
        public void start(Context context) {
            this.context = context;
            transaction = new BindingTransaction(context, SERVER, List.of(), policy, outcome -> {
                outcomes.add(outcome);
                outcomeTimes.add(context.now());
            });
            transaction.start();
        }

        @Override
        public void onDatagram(Endpoint source, byte[] payload) {
            transaction.onDatagram(source, payload);
        }
    }

    /** Loses the first {@code drops} requests, then behaves as a STUN server. */
    private static final class LossyServer implements Machine {
        private final StunServer server = new StunServer();
        private int drops;

        LossyServer(int drops) {
            this.drops = drops;
        }

        @Override
        public void start(Context context) {
            server.start(context);
        }

        @Override
        public void onDatagram(Endpoint source, byte[] payload) {
            if (drops-- > 0) {
                return;
            }
            server.onDatagram(source, payload);
        }
    }

    private final FakeNetwork network = new FakeNetwork(10 * MS, 7);

    private List<Long> requestTimesMs() {
        return network.sent().stream().filter(s -> s.from().equals(CLIENT)).map(s -> s.atNanos() / MS).toList();
    }

    @Test
    void withDefaultsRequestsGoOutAtTheRfcTimesAndTheTransactionFailsAt39500Ms() {
        Client client = new Client(Retransmission.STUN_DEFAULT);
        network.attach(CLIENT, client); // no server: every request is lost
        network.runUntil(60_000 * MS);

        assertThat(requestTimesMs()).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L);
        assertThat(client.outcomes).containsExactly(new TimedOut(7));
        assertThat(client.outcomeTimes).containsExactly(39_500 * MS);
    }

    @Test
    void thePolicyGivesTheRfcScheduleInClosedForm() {
        Retransmission rfc = Retransmission.STUN_DEFAULT;
        long[] expectedMs = {0, 500, 1500, 3500, 7500, 15500, 31500};
        for (int i = 0; i < expectedMs.length; i++) {
            assertThat(rfc.sendOffsetNanos(i)).isEqualTo(expectedMs[i] * MS);
        }
        assertThat(rfc.totalSpanNanos()).isEqualTo(39_500 * MS);
    }

    @Test
    void aCustomPolicyIsFollowed() {
        Client client = new Client(new Retransmission(100 * MS, 3, 400 * MS));
        network.attach(CLIENT, client);
        network.runUntil(10_000 * MS);

        assertThat(requestTimesMs()).containsExactly(0L, 100L, 300L);
        assertThat(client.outcomeTimes).containsExactly(700 * MS);
    }

    @Test
    void theAnswerToTheThirdRequestEndsTheTransactionWithTheMappedAddress() {
        network.attach(SERVER, new LossyServer(2));
        Client client = new Client(Retransmission.STUN_DEFAULT);
        network.attach(CLIENT, client);
        network.runUntil(60_000 * MS);

        assertThat(requestTimesMs()).containsExactly(0L, 500L, 1500L);
        assertThat(client.outcomes).hasSize(1);
        Answered answered = (Answered) client.outcomes.get(0);
        assertThat(answered.isSuccess()).isTrue();
        assertThat(answered.requestsSent()).isEqualTo(3);
        assertThat(answered.source()).isEqualTo(SERVER);
        assertThat(answered.mappedAddress()).contains(CLIENT);
        // Sent at 1500 ms, 10 ms each way.
        assertThat(client.outcomeTimes).containsExactly(1520 * MS);
    }

    @Test
    void ignoresDatagramsThatAreNotItsResponse() {
        Client client = new Client(Retransmission.STUN_DEFAULT);
        network.attach(CLIENT, client);
        byte[] otherTransaction = StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE,
                new TransactionId(new byte[12]), List.of()));
        byte[] ownIdAsRequest = StunWire.bindingRequest(client.transaction.transactionId().bytes());

        assertThat(client.transaction.onDatagram(SERVER, otherTransaction)).isFalse();
        assertThat(client.transaction.onDatagram(SERVER, ownIdAsRequest)).isFalse();
        assertThat(client.transaction.onDatagram(SERVER, "game data".getBytes())).isFalse();
        assertThat(client.transaction.isDone()).isFalse();
    }

    @Test
    void cancelStopsRetransmissionWithoutAnOutcome() {
        Client client = new Client(Retransmission.STUN_DEFAULT);
        network.attach(CLIENT, client);
        network.runUntil(600 * MS);
        client.transaction.cancel();
        network.runUntil(60_000 * MS);

        assertThat(requestTimesMs()).containsExactly(0L, 500L);
        assertThat(client.outcomes).isEmpty();
    }
}
