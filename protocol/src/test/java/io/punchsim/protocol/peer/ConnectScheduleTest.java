package io.punchsim.protocol.peer;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.config.Fraction;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.harness.TestNet.Packet;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The attempt and ping schedules of spec 2.3, to the millisecond. */
class ConnectScheduleTest {

    private static final long SEED = 11;

    /** The host hears nothing from the client: direct requests and relays toward it are lost. */
    private static World unanswered(ProtocolConfig config) {
        World w = new World(config, SEED);
        w.net.drop(p -> p.to().equals(World.HOST) && p.kind() == MessageKind.CONNECT_REQUEST);
        w.net.drop(p -> p.from().equals(World.CLOUD) && p.to().equals(World.HOST) && p.kind() == MessageKind.RELAY);
        return w.start(0).runUntilClientFinished(120_000 * MS);
    }

    /** Times after K1 (ms) of the client's direct requests and of its relayed requests. */
    private static List<Long> directAttempts(World w) {
        long k1 = w.client.result().k1AtNanos();
        return w.net.packets().stream()
                .filter(p -> p.from().equals(World.CLIENT) && p.kind() == MessageKind.CONNECT_REQUEST)
                .map(p -> (p.atNanos() - k1) / MS).toList();
    }

    private static List<Long> relayAttempts(World w) {
        long k1 = w.client.result().k1AtNanos();
        return w.net.packets().stream()
                .filter(p -> p.from().equals(World.CLIENT) && p.to().equals(World.CLOUD)
                        && World.relayed(p.payload()) instanceof Message.ConnectRequest)
                .map(p -> (p.atNanos() - k1) / MS).toList();
    }

    @Test
    void defaultsGiveSevenDirectThreeRelayedAndGiveUpAtFiveSeconds() {
        World w = unanswered(ProtocolConfig.DEFAULTS);
        ConnectionResult r = w.client.result();
        assertThat(directAttempts(w)).as("seed %d", SEED).containsExactly(0L, 500L, 1000L, 1500L, 2000L, 2500L, 3000L);
        assertThat(relayAttempts(w)).containsExactly(3500L, 4000L, 4500L);
        assertThat(w.eventTime(Role.CLIENT, Step.K6) - r.k1AtNanos()).isEqualTo(5000 * MS);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.failureReason()).isEqualTo(FailureReason.ATTEMPTS_EXHAUSTED);
        assertThat(r.attemptsSent()).isEqualTo(10);
        assertThat(r.finished()).isTrue();
    }

    @Test
    void halfOfSixAt200MsSplitsThreeAndThree() {
        World w = unanswered(ProtocolConfig.builder().attemptInterval(200 * MS).attemptLimit(6)
                .directFraction(new Fraction(1, 2)).build());
        assertThat(directAttempts(w)).containsExactly(0L, 200L, 400L);
        assertThat(relayAttempts(w)).containsExactly(600L, 800L, 1000L);
        assertThat(w.eventTime(Role.CLIENT, Step.K6) - w.client.result().k1AtNanos()).isEqualTo(1200 * MS);
    }

    @Test
    void threeTenthsOfTenIsExactlyThreeDirect() {
        // 0.3 × 10 in doubles is 3.0000000000000004: attempt 3 must nevertheless be relayed.
        World w = unanswered(ProtocolConfig.builder().directFraction(new Fraction(3, 10)).build());
        assertThat(directAttempts(w)).containsExactly(0L, 500L, 1000L);
        assertThat(relayAttempts(w)).containsExactly(1500L, 2000L, 2500L, 3000L, 3500L, 4000L, 4500L);
    }

    @Test
    void fractionZeroRelaysEverythingAndOneRelaysNothing() {
        World none = unanswered(ProtocolConfig.builder().attemptLimit(3).directFraction(new Fraction(0, 1)).build());
        assertThat(directAttempts(none)).isEmpty();
        assertThat(relayAttempts(none)).containsExactly(0L, 500L, 1000L);
        World all = unanswered(ProtocolConfig.builder().attemptLimit(3).directFraction(new Fraction(1, 1)).build());
        assertThat(directAttempts(all)).containsExactly(0L, 500L, 1000L);
        assertThat(relayAttempts(all)).isEmpty();
        assertThat(all.eventTime(Role.CLIENT, Step.K6) - all.client.result().k1AtNanos()).isEqualTo(1500 * MS);
    }

    @Test
    void hostPingsFromK2EveryPingIntervalUntilTheListenTimeout() {
        World w = unanswered(ProtocolConfig.builder().pingInterval(300 * MS).listenTimeout(3000 * MS).build());
        w.net.runFor(60_000 * MS);
        long k2 = w.eventTime(Role.HOST, Step.K2);
        List<Long> pings = w.net.packets().stream()
                .filter(p -> p.from().equals(World.HOST) && p.kind() == MessageKind.PING)
                .map(p -> (p.atNanos() - k2) / MS).toList();
        assertThat(pings).containsExactly(0L, 300L, 600L, 900L, 1200L, 1500L, 1800L, 2100L, 2400L, 2700L);
        assertThat(w.net.packets().stream().filter(p -> p.kind() == MessageKind.PING))
                .allMatch(p -> p.to().equals(World.CLIENT));
        assertThat(w.host.isFinished()).isTrue();
    }

    @Test
    void aRequestAfterTheListenTimeoutIsNotAnswered() {
        // The client's attempt 0 takes 4 s to arrive; the host listens for 3 s only.
        World w = new World(ProtocolConfig.builder().listenTimeout(3000 * MS).directFraction(
                new Fraction(1, 1)).attemptLimit(20).build(), SEED);
        w.net.latency(World.HOST, World.CLIENT, 4000 * MS);
        w.start(0).runUntilClientFinished(60_000 * MS);
        assertThat(w.client.result().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(w.net.packets()).noneMatch(p -> p.kind() == MessageKind.CONNECT_ACCEPT);
    }

    @Test
    void defaultPingIntervalEqualsTheAttemptInterval() {
        World w = unanswered(ProtocolConfig.DEFAULTS);
        long k2 = w.eventTime(Role.HOST, Step.K2);
        List<Long> pings = w.net.packets().stream()
                .filter(p -> p.from().equals(World.HOST) && p.kind() == MessageKind.PING)
                .map(p -> (p.atNanos() - k2) / MS).limit(4).toList();
        assertThat(pings).containsExactly(0L, 500L, 1000L, 1500L);
    }

    static long count(List<Packet> packets, MessageKind kind) {
        return packets.stream().filter(p -> p.kind() == kind && !p.dropped()).count();
    }
}
