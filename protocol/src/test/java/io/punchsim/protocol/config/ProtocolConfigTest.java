package io.punchsim.protocol.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolConfigTest {

    private static final long MS = 1_000_000L;

    @Test
    void defaultsAreTheSpecs() {
        ProtocolConfig c = ProtocolConfig.DEFAULTS;
        assertThat(c.attemptIntervalNanos()).isEqualTo(500 * MS);
        assertThat(c.attemptLimit()).isEqualTo(10);
        assertThat(c.directFraction()).isEqualTo(new Fraction(2, 3));
        assertThat(c.pingIntervalNanos()).isEqualTo(c.attemptIntervalNanos());
        assertThat(c.stun()).isEqualTo(new Retransmission(500 * MS, 7, 8000 * MS));
        assertThat(c.peerReflexive() || c.localCandidates() || c.portPrediction() || c.parallelRelay()).isFalse();
    }

    @Test
    void stunScheduleIsRfc8489() {
        Retransmission s = Retransmission.STUN_DEFAULT;
        long at = 0;
        StringBuilder times = new StringBuilder();
        for (int sent = 1; sent <= s.maxTransmissions(); sent++) {
            times.append(at / MS).append(' ');
            at += s.waitAfter(sent);
        }
        assertThat(times.toString().trim()).isEqualTo("0 500 1500 3500 7500 15500 31500");
        assertThat(at).isEqualTo(39_500 * MS);
    }

    @Test
    void directFractionIsDecidedExactly() {
        assertThat(Fraction.TWO_THIRDS.exceeds(6, 10)).isTrue();
        assertThat(Fraction.TWO_THIRDS.exceeds(7, 10)).isFalse();
        assertThat(new Fraction(3, 10).exceeds(3, 10)).isFalse();
    }

    @Test
    void impossibleValuesAreRejected() {
        assertThatThrownBy(() -> ProtocolConfig.builder().attemptLimit(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtocolConfig.builder().attemptInterval(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fraction(4, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retransmission(500 * MS, 0, MS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtocolConfig.builder().gamePhase(true).tickRate(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StartupDelay(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoSessionPolicy(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noSessionBackOffDoublesUpToItsCap() {
        NoSessionPolicy p = new NoSessionPolicy(5, 250 * MS, 1000 * MS);
        assertThat(p.backoff(1)).isEqualTo(250 * MS);
        assertThat(p.backoff(2)).isEqualTo(500 * MS);
        assertThat(p.backoff(3)).isEqualTo(1000 * MS);
        assertThat(p.backoff(40)).isEqualTo(1000 * MS);
    }

    @Test
    void aStartupDelayGivenToAPeerIsCheckedAgainstItsRow() {
        ProtocolConfig base = ProtocolConfig.builder().attemptLimit(7).gamePhase(true).build();
        io.punchsim.protocol.net.Endpoint cloud = new io.punchsim.protocol.net.Endpoint(1, 5055);
        io.punchsim.protocol.net.Endpoint stun = new io.punchsim.protocol.net.Endpoint(2, 3478);
        StartupDelay tooLong = StartupDelay.fixed(61_000_000_000L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new io.punchsim.protocol.peer.ClientPeer(base, tooLong, cloud, stun))
                .hasMessageContaining("startup-delay");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new io.punchsim.protocol.peer.HostPeer(base, tooLong, cloud, stun, 1))
                .hasMessageContaining("startup-delay");
        org.assertj.core.api.Assertions.assertThatCode(() -> new io.punchsim.protocol.peer.ClientPeer(base,
                StartupDelay.fixed(42_000_000L), cloud, stun)).doesNotThrowAnyException();
    }
}
