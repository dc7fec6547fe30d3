package io.punchsim.protocol.peer;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.config.StartupDelay;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.wire.MessageKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The failure reasons of spec 2.5 and the schedules that lead to them. */
class FailureTest {

    private static final long SEED = 5;

    @Test
    void stunRetransmitsOnTheRfcScheduleThenFails() {
        World w = new World(World.TIMED, SEED);
        w.net.drop(p -> p.from().equals(World.CLIENT) && p.to().equals(World.STUN));
        w.start(0).runUntilClientFinished(120_000 * MS);
        long first = w.eventTime(Role.CLIENT, Step.C9);
        List<Long> requests = w.net.packets().stream()
                .filter(p -> p.from().equals(World.CLIENT) && p.kind() == MessageKind.STUN)
                .map(p -> (p.atNanos() - first) / MS).toList();
        // RFC 8489 section 6.2.1: Rc = 7, RTO 500 ms doubling, Rm = 16 (8 s after the last).
        assertThat(requests).as("seed %d", SEED).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L);
        assertThat(w.client.result().failureReason()).isEqualTo(FailureReason.STUN_FAILED);
        assertThat(w.net.now() - first).isEqualTo(39_500 * MS);
    }

    @Test
    void unreachableCloudFailsAfterTheLastRetransmission() {
        World w = new World(World.TIMED, SEED);
        w.net.drop(p -> p.from().equals(World.CLIENT) && p.to().equals(World.CLOUD));
        w.start(0).runUntilClientFinished(120_000 * MS);
        List<Long> joins = w.net.packets().stream()
                .filter(p -> p.from().equals(World.CLIENT) && p.kind() == MessageKind.JOIN_RANDOM)
                .map(p -> p.atNanos() / MS).toList();
        assertThat(joins).containsExactly(0L, 250L, 750L, 1750L, 3750L, 7750L);
        assertThat(w.client.result().failureReason()).isEqualTo(FailureReason.CLOUD_UNREACHABLE);
        assertThat(w.net.now()).isEqualTo(15_750 * MS);
    }

    @Test
    void anAnswerThatNeverComesMeansTheCloudIsUnreachable() {
        World w = new World(World.TIMED, SEED);
        // The JoinRequest is acknowledged, but no JoinAck ever reaches the client.
        w.net.drop(p -> p.to().equals(World.CLIENT) && p.kind() == MessageKind.JOIN_ACK);
        w.start(0).runUntilClientFinished(120_000 * MS);
        assertThat(w.client.result().failureReason()).isEqualTo(FailureReason.CLOUD_UNREACHABLE);
        // One full cloud schedule after the request: 0.25 + 0.5 + 1 + 2 + 4 + 8 s.
        assertThat(w.net.now() - w.eventTime(Role.CLIENT, Step.C4)).isEqualTo(15_750 * MS);
    }

    @Test
    void aClientWhoseHostNeverReportsGivesUpAfterTheListenTimeout() {
        World w = new World(World.TIMED, SEED);
        w.net.drop(p -> p.from().equals(World.HOST) && p.to().equals(World.STUN));
        w.start(0).runUntilClientFinished(120_000 * MS);
        assertThat(w.client.result().failureReason()).isEqualTo(FailureReason.NO_SESSION);
        assertThat(w.net.now() - w.eventTime(Role.CLIENT, Step.C11)).isEqualTo(10_000 * MS);
        // The host itself gives up when its STUN transaction fails, 39.5 s after its first request.
        w.net.runFor(w.eventTime(Role.HOST, Step.H9) + 39_500 * MS);
        assertThat(w.host.isFinished()).isTrue();
        assertThat(w.host.failureReason()).isEqualTo(FailureReason.STUN_FAILED);
    }

    @Test
    void aHostEndsWithAReasonWhenTheCloudNeverAnswersOrNoClientComes() {
        World silent = new World(World.TIMED, SEED);
        silent.net.drop(p -> p.from().equals(World.CLOUD));
        silent.start(0);
        silent.net.runUntil(silent.host::isFinished, 120_000 * MS);
        assertThat(silent.host.failureReason()).as("seed %d", SEED).isEqualTo(FailureReason.CLOUD_UNREACHABLE);
        assertThat(silent.net.now()).isEqualTo(15_750 * MS);

        World lonely = new World(World.TIMED, SEED);
        // The client's requests never reach the host, directly or through the cloud.
        lonely.net.drop(p -> MessageKind.classify(p.payload()) == MessageKind.CONNECT_REQUEST
                || MessageKind.classifyRelayed(p.payload()) == MessageKind.CONNECT_REQUEST);
        lonely.start(0);
        lonely.net.runUntil(lonely.host::isFinished, 120_000 * MS);
        assertThat(lonely.host.failureReason()).isEqualTo(FailureReason.NO_CLIENT);
        assertThat(lonely.host.path()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void noSessionFailsAtOnceWhenConfiguredTo() {
        World w = new World(ProtocolConfig.builder().noSessionRetries(0).build(), SEED);
        w.net.start(World.CLOUD, 0);
        w.net.start(World.CLIENT, 0);
        w.runUntilClientFinished(60_000 * MS);
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(w.client.result().failureReason()).isEqualTo(FailureReason.NO_SESSION);
        assertThat(w.net.now()).isEqualTo(20 * MS);
    }

    @Test
    void noSessionRetriesWithDoublingBackOff() {
        ProtocolConfig config = ProtocolConfig.builder()
                .noSessionRetries(3).noSessionBackoff(100 * MS).noSessionMaxBackoff(10_000 * MS).build();
        World w = new World(config, SEED);
        w.net.start(World.CLOUD, 0);
        w.net.start(World.STUN, 0);
        w.net.start(World.CLIENT, 0);
        w.net.start(World.HOST, 500 * MS);
        w.runUntilClientFinished(60_000 * MS);
        List<Long> joins = w.net.packets().stream()
                .filter(p -> p.from().equals(World.CLIENT) && p.kind() == MessageKind.JOIN_RANDOM)
                .map(p -> p.atNanos() / MS).toList();
        // Each NoSession arrives 20 ms after the ask; waits of 100, 200, 400 ms follow.
        assertThat(joins).containsExactly(0L, 120L, 340L, 760L);
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.DIRECT);
    }

    @Test
    void startupDelayPostponesTheLocalAddressStep() {
        World w = new World(ProtocolConfig.builder().startupDelay(StartupDelay.fixed(700 * MS)).build(), SEED);
        w.start(0).runUntilClientFinished(60_000 * MS);
        assertThat(w.eventTime(Role.HOST, Step.H8) - w.eventTime(Role.HOST, Step.H7)).isEqualTo(700 * MS);
        assertThat(w.eventTime(Role.CLIENT, Step.C8) - w.eventTime(Role.CLIENT, Step.C7)).isEqualTo(700 * MS);
    }

    @Test
    void everySetUpStepHappensInOrder() {
        World w = new World(World.TIMED, SEED);
        w.start(0).runUntilClientFinished(60_000 * MS);
        List<Step> host = w.net.events().stream().filter(e -> e.role() == Role.HOST).map(e -> e.step())
                .distinct().limit(13).toList();
        assertThat(host).containsExactly(Step.H1, Step.H2, Step.H3, Step.H4, Step.H5, Step.H6, Step.H7, Step.H8,
                Step.H9, Step.H10, Step.H11, Step.K2, Step.K7);
        List<Step> client = w.net.events().stream().filter(e -> e.role() == Role.CLIENT).map(e -> e.step())
                .distinct().toList();
        assertThat(client).containsSubsequence(Step.C1, Step.C2, Step.C3, Step.C4, Step.C5, Step.C6, Step.C7,
                Step.C8, Step.C9, Step.C10, Step.C11, Step.K1, Step.K3, Step.K8, Step.K9);
    }
}
