package io.punchsim.protocol.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolParametersTest {

    private static final long MS = 1_000_000L;

    @Test
    void keysAndFlagsAreUniqueAndFlagsAreTheKeysWords() {
        Set<String> keys = new HashSet<>();
        Set<String> flags = new HashSet<>();
        for (Parameter<?> p : ProtocolParameters.ALL) {
            assertThat(keys.add(p.key())).as(p.key()).isTrue();
            assertThat(flags.add(p.flag())).as(p.flag()).isTrue();
            // A session row's flag says it is the session's: session.capacity is --session-capacity.
            String words = (p.scope() == Parameter.Scope.SESSION ? "session." : "") + p.key().replaceFirst("^variants\\.", "");
            assertThat(p.flag()).isEqualTo("--" + words.replace('.', '-'));
            assertThat(ProtocolParameters.byPath(p.path())).as(p.path()).isEqualTo(p.scope() == Parameter.Scope.PEER
                    ? java.util.Optional.empty() : java.util.Optional.of(p));
            assertThat(p.description()).as(p.key()).isNotBlank();
            assertThat(p.why()).as(p.key()).isNotBlank();
        }
    }

    @Test
    void theDefaultsAreTheTablesAndLieInTheirRanges() {
        ProtocolConfig d = ProtocolConfig.DEFAULTS;
        for (Parameter<?> p : ProtocolParameters.ALL) {
            if (p.defaultValue() != null) {
                assertThat(p.getter().apply(d)).as(p.key()).isEqualTo(p.defaultValue());
                assertThat(p.formatIn(d)).as(p.key()).isEqualTo(p.defaultText());
            }
            assertThat(p.problemIn(d)).as(p.key()).isEmpty();
        }
        // The default process of SPEC 2.3.
        assertThat(d.attemptIntervalNanos()).isEqualTo(500 * MS);
        assertThat(d.attemptLimit()).isEqualTo(10);
        assertThat(d.directFraction()).isEqualTo(new Fraction(2, 3));
        assertThat(d.pingIntervalNanos()).isEqualTo(d.attemptIntervalNanos());
        assertThat(d.stun()).isEqualTo(Retransmission.STUN_DEFAULT);
        assertThat(d.cloud()).isEqualTo(Retransmission.CLOUD_DEFAULT);
    }

    @Test
    void switchesAreOffByDefaultSoThatAFlagWithoutValueTurnsThemOn() {
        for (Parameter<?> p : ProtocolParameters.ALL) {
            if (p.isSwitch()) {
                assertThat(p.defaultValue()).as(p.key()).isEqualTo(false);
            }
        }
    }

    @Test
    void theEndsOfEveryRangeBuildAConfigAndTheValuesJustOutsideDoNot() {
        for (Parameter<?> p : ProtocolParameters.ALL) {
            for (String inside : ends(p.type(), true)) {
                ProtocolConfig.Builder b = ProtocolConfig.builder();
                p.setText(b, inside);
                assertThat(b.build()).as(p.key() + " = " + inside).isNotNull();
            }
            for (String outside : ends(p.type(), false)) {
                assertThatThrownBy(() -> p.setText(ProtocolConfig.builder(), outside))
                        .as(p.key() + " = " + outside).isInstanceOf(ValueException.class)
                        .hasMessageContaining("out of range");
            }
        }
    }

    @Test
    void allLowestAndAllHighestValuesTogetherBuild() {
        for (boolean low : new boolean[] {true, false}) {
            ProtocolConfig.Builder b = ProtocolConfig.builder();
            for (Parameter<?> p : ProtocolParameters.ALL) {
                List<String> ends = ends(p.type(), true);
                if (!ends.isEmpty()) {
                    p.setText(b, low ? ends.get(0) : ends.get(ends.size() - 1));
                }
            }
            ProtocolConfig c = b.build();
            assertThat(c.toBuilder().build()).as("every parameter at its %s end, copied", low ? "low" : "high").isEqualTo(c);
            assertThat(c.gameTicks()).isPositive();
            assertThat(c.cloud().totalSpanNanos()).isPositive();
            assertThat(c.stun().totalSpanNanos()).isPositive();
        }
    }

    @Test
    void aConfigBuiltFromItsOwnValuesIsEqual() {
        ProtocolConfig c = ProtocolConfig.builder().attemptLimit(7).pingInterval(300 * MS).cloudMaxRetransmits(2)
                .noSessionBackoff(0).tickRate(0.3).peerReflexive(true).build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void cloudMaxRetransmitsCountsSendsAfterTheFirst() {
        for (int n = 0; n <= 11; n++) {
            ProtocolConfig.Builder b = ProtocolConfig.builder();
            ProtocolParameters.byKey("cloud-max-retransmits").orElseThrow().setText(b, Integer.toString(n));
            assertThat(b.build().cloud().maxTransmissions()).isEqualTo(1 + n);
        }
    }

    @Test
    void aTickRateBelowOneHertzIsKept() {
        ProtocolConfig c = ProtocolConfig.builder().gamePhase(true).tickRate(0.3).gamePhaseLength(10_000 * MS).build();
        assertThat(c.tickIntervalNanos()).isEqualTo(3_333_333_333L);
        assertThat(c.gameTicks()).isEqualTo(3);
    }

    @Test
    void thePingIntervalFollowsTheAttemptIntervalUnlessSet() {
        assertThat(ProtocolConfig.builder().attemptInterval(200 * MS).build().pingIntervalNanos()).isEqualTo(200 * MS);
        assertThat(ProtocolConfig.builder().attemptInterval(200 * MS).pingInterval(300 * MS).build().pingIntervalNanos())
                .isEqualTo(300 * MS);
    }

    @Test
    void aNoSessionBackOffOfZeroRetriesAtOnce() {
        NoSessionPolicy p = ProtocolConfig.builder().noSessionBackoff(0).build().noSession();
        assertThat(p.backoff(1)).isZero();
        assertThat(p.backoff(5)).isZero();
        // A cap below the first wait never shortens it.
        NoSessionPolicy q = ProtocolConfig.builder().noSessionBackoff(5_000 * MS).noSessionMaxBackoff(MS).build().noSession();
        assertThat(q.backoff(1)).isEqualTo(5_000 * MS);
        assertThat(q.backoff(3)).isEqualTo(5_000 * MS);
    }

    @Test
    void valuesAreWrittenAsTheScenariosWriteThem() {
        assertThatThrownBy(() -> new ValueType.Duration(0, 1_000 * MS).read("5 ms")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> new ValueType.Duration(0, 1_000 * MS).read("5")).hasMessageContaining("has no unit");
        assertThat(new ValueType.Duration(0, 1_000 * MS).read("1.5ms")).isEqualTo(1_500_000L);
        assertThat(Units.parseFraction("2/3")).isEqualTo(new Fraction(2, 3));
        assertThat(Units.parseFraction("0.3")).isEqualTo(new Fraction(3, 10));
        assertThat(Units.parseFraction("66.7%")).isEqualTo(new Fraction(667, 1000));
        assertThat(Units.parseFraction("4/6")).isEqualTo(new Fraction(2, 3));
        assertThatThrownBy(() -> Units.parseFraction("4/3")).hasMessageContaining("out of range");
        assertThat(new ValueType.DelayRange(60_000 * MS).read("0s..100ms")).isEqualTo(new StartupDelay(0, 100 * MS));
    }

    /** The range's two ends ({@code inside}), or the values just beyond them. */
    private static List<String> ends(ValueType<?> type, boolean inside) {
        if (type instanceof ValueType.Duration d) {
            return inside ? List.of(d.min() + "ns", d.max() + "ns")
                    : d.min() == 0 ? List.of((d.max() + 1) + "ns") : List.of((d.min() - 1) + "ns", (d.max() + 1) + "ns");
        }
        if (type instanceof ValueType.Count c) {
            return inside ? List.of(Integer.toString(c.min()), Integer.toString(c.max()))
                    : List.of(Integer.toString(c.min() - 1), Integer.toString(c.max() + 1));
        }
        if (type instanceof ValueType.Real r) {
            return inside ? List.of(Double.toString(Math.nextUp(r.min())), Double.toString(r.max()))
                    : List.of(Double.toString(r.min()), Double.toString(Math.nextUp(r.max())));
        }
        if (type instanceof ValueType.DelayRange d) {
            return inside ? List.of("0s", "0s.." + d.max() + "ns") : List.of("0s.." + (d.max() + 1) + "ns");
        }
        return List.of();
    }
}
