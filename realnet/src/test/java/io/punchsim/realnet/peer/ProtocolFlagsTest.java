package io.punchsim.realnet.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.protocol.config.Fraction;
import io.punchsim.protocol.config.ProtocolConfig;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolFlagsTest {

    private static final long MS = 1_000_000L;

    @Test
    void noFlagsIsTheSpecsDefaultProcess() {
        ProtocolConfig config = ProtocolFlags.toConfig(Map.of(), Set.of());
        // SPEC 2.3: T = 500 ms, L = 10, f = 2/3, P = T; SPEC 2.4: every variant off.
        assertThat(config.attemptIntervalNanos()).isEqualTo(500 * MS);
        assertThat(config.attemptLimit()).isEqualTo(10);
        assertThat(config.directFraction()).isEqualTo(new Fraction(2, 3));
        assertThat(config.pingIntervalNanos()).isEqualTo(500 * MS);
        assertThat(config.peerReflexive() || config.localCandidates() || config.portPrediction() || config.parallelRelay()).isFalse();
        assertThat(config).isEqualTo(ProtocolConfig.DEFAULTS);
    }

    @Test
    void thePingIntervalFollowsTheAttemptIntervalUnlessGiven() {
        assertThat(ProtocolFlags.toConfig(Map.of("--attempt-interval", "250ms"), Set.of()).pingIntervalNanos()).isEqualTo(250 * MS);
        assertThat(ProtocolFlags.toConfig(Map.of("--attempt-interval", "250ms", "--ping-interval", "1s"), Set.of())
                .pingIntervalNanos()).isEqualTo(1_000 * MS);
    }

    @Test
    void fractionsReadExactlyAsRatiosOrDecimals() {
        assertThat(ProtocolFlags.toConfig(Map.of("--direct-fraction", "0.5"), Set.of()).directFraction().exceeds(4, 10)).isTrue();
        assertThat(ProtocolFlags.toConfig(Map.of("--direct-fraction", "0.5"), Set.of()).directFraction().exceeds(5, 10)).isFalse();
        assertThat(ProtocolFlags.toConfig(Map.of("--direct-fraction", "3/4"), Set.of()).directFraction()).isEqualTo(new Fraction(3, 4));
    }

    @Test
    void everyVariantIsASwitch() {
        ProtocolConfig config = ProtocolFlags.toConfig(Map.of("--predicted-ports", "5"),
                Set.of("--peer-reflexive", "--local-candidates", "--port-prediction", "--parallel-relay"));
        assertThat(config.peerReflexive()).isTrue();
        assertThat(config.localCandidates()).isTrue();
        assertThat(config.portPrediction()).isTrue();
        assertThat(config.predictedPorts()).isEqualTo(5);
        assertThat(config.parallelRelay()).isTrue();
    }

    @Test
    void schedulesAndDelaysTakeDurations() {
        ProtocolConfig config = ProtocolFlags.toConfig(Map.of("--startup-delay", "100ms..300ms", "--stun-rto", "1s",
                "--stun-max-requests", "3", "--cloud-max-retransmits", "2", "--cloud-keepalive", "20s",
                "--game-phase-tick-rate", "0.5"), Set.of("--game-phase-enabled"));
        assertThat(config.startupDelay().minNanos()).isEqualTo(100 * MS);
        assertThat(config.startupDelay().maxNanos()).isEqualTo(300 * MS);
        assertThat(config.stun().initialRtoNanos()).isEqualTo(1_000 * MS);
        assertThat(config.stun().maxTransmissions()).isEqualTo(3);
        assertThat(config.cloud().maxTransmissions()).isEqualTo(1 + 2);
        assertThat(config.gamePhase()).isTrue();
        assertThat(config.tickRateHz()).isEqualTo(0.5);
        assertThat(config.keepaliveIntervalNanos()).isEqualTo(20_000 * MS);
    }

    @Test
    void badValuesNameTheirFlag() {
        assertThatThrownBy(() -> ProtocolFlags.toConfig(Map.of("--attempt-interval", "500"), Set.of()))
                .hasMessageContaining("--attempt-interval");
        assertThatThrownBy(() -> ProtocolFlags.toConfig(Map.of("--direct-fraction", "1.5"), Set.of()))
                .hasMessageContaining("--direct-fraction");
        assertThatThrownBy(() -> ProtocolFlags.toConfig(Map.of("--game-phase-tick-rate", "0"), Set.of()))
                .hasMessageContaining("--game-phase-tick-rate: out of range: 0 is not within (0, 1000]");
        assertThatThrownBy(() -> ProtocolFlags.toConfig(Map.of("--attempt-limit", "0"), Set.of()))
                .hasMessage("--attempt-limit: out of range: 0 is not within 1..1000");
    }

    @Test
    void everyFlagIsTheScenarioKeysWords() {
        assertThat(ProtocolFlags.FLAGS).allSatisfy(flag -> assertThat(flag.name()).isEqualTo(flag.parameter().flag()));
        assertThat(ProtocolFlags.switchNames()).contains("--peer-reflexive", "--game-phase-enabled");
        assertThat(ProtocolFlags.valuedNames()).contains("--cloud-keepalive", "--no-session-max-backoff", "--game-phase-echo-grace");
    }

    @Test
    void everyFlagIsListedOnceWithADescription() {
        assertThat(ProtocolFlags.FLAGS).extracting(ProtocolFlags.Flag::name).doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith("--"));
        assertThat(ProtocolFlags.FLAGS).allMatch(flag -> !flag.description().isBlank());
        assertThat(ProtocolFlags.valuedNames().size() + ProtocolFlags.switchNames().size()).isEqualTo(ProtocolFlags.FLAGS.size());
    }
}
