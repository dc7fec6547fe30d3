package io.punchsim.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.model.CustomNat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepExpansionTest {

    @Test
    void theGridIsTheFullProductWithTheLastAxisFastest() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load("s.yaml", """
                sweep:
                  protocol.attempt-interval: [250ms, 500ms, 1s]
                  protocol.attempt-limit: [6, 10]
                """);
        assertThat(loaded.sweep().size()).isEqualTo(6);
        assertThat(loaded.points()).extracting(SweepPoint::label).containsExactly(
                "protocol.attempt-interval=250ms, protocol.attempt-limit=6",
                "protocol.attempt-interval=250ms, protocol.attempt-limit=10",
                "protocol.attempt-interval=500ms, protocol.attempt-limit=6",
                "protocol.attempt-interval=500ms, protocol.attempt-limit=10",
                "protocol.attempt-interval=1s, protocol.attempt-limit=6",
                "protocol.attempt-interval=1s, protocol.attempt-limit=10");
        assertThat(loaded.points()).extracting(p -> p.scenario().protocol().attemptIntervalNanos())
                .containsExactly(250_000_000L, 250_000_000L, 500_000_000L, 500_000_000L, 1_000_000_000L, 1_000_000_000L);
        assertThat(loaded.points()).extracting(p -> p.scenario().protocol().attemptLimit())
                .containsExactly(6, 10, 6, 10, 6, 10);
        assertThat(loaded.points()).extracting(SweepPoint::index).containsExactly(0, 1, 2, 3, 4, 5);
        // the base keeps the file's own values (here the defaults)
        assertThat(loaded.base().protocol().attemptLimit()).isEqualTo(10);
    }

    @Test
    void withoutASweepThereIsOnePointWhichIsTheBase() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load("s.yaml", "seeds: 5\n");
        assertThat(loaded.points()).singleElement().satisfies(p -> {
            assertThat(p.values()).isEmpty();
            assertThat(p.scenario()).isEqualTo(loaded.base());
        });
    }

    @Test
    void anAxisCanCreateKeysTheBaseDoesNotHaveAndMergesIntoOnesItHas() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load("s.yaml", """
                host:
                  nat: {preset: port-restricted-cone, hairpinning: false}
                sweep:
                  host.nat.hairpinning: [false, true]
                  protocol.variants.local-candidates: [false, true]
                """);
        assertThat(loaded.points()).hasSize(4);
        assertThat(loaded.points()).extracting(
                p -> ((CustomNat) p.scenario().network().host().nat()).behaviour().hairpinning(),
                p -> p.scenario().protocol().localCandidates())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(false, false),
                        org.assertj.core.groups.Tuple.tuple(false, true),
                        org.assertj.core.groups.Tuple.tuple(true, false),
                        org.assertj.core.groups.Tuple.tuple(true, true));
        // the preset survives the override of one of its fields
        assertThat(loaded.points()).allSatisfy(p ->
                assertThat(((CustomNat) p.scenario().network().host().nat()).base()).isPresent());
    }

    @Test
    void aMappingValueReplacesTheWholeSubtreeAndIsLabelledInFlowStyle() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load("s.yaml", """
                protocol:
                  variants: {peer-reflexive: true}
                sweep:
                  protocol.variants: [{}, {parallel-relay: true}]
                """);
        assertThat(loaded.points()).extracting(p -> p.values().get("protocol.variants")).containsExactly("{}", "{parallel-relay: true}");
        assertThat(loaded.points().get(0).scenario().protocol().peerReflexive()).isFalse();
        assertThat(loaded.points().get(1).scenario().protocol().parallelRelay()).isTrue();
        assertThat(loaded.points().get(1).scenario().protocol().peerReflexive()).isFalse();
    }

    @Test
    void sweepAxesAreRecordedInFileOrder() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load("s.yaml", """
                sweep:
                  seeds: [1, 2]
                  client.nat: [full-cone, [full-cone, cgnat]]
                """);
        assertThat(loaded.sweep().axes()).containsExactly(
                new SweepAxis("seeds", List.of("1", "2")),
                new SweepAxis("client.nat", List.of("full-cone", "[full-cone, cgnat]")));
    }

    @Test
    void aGridTooLargeForALongIsRefusedWithItsExactSize() {
        for (int axes : new int[] {17, 63, 64, 65}) {
            StringBuilder file = new StringBuilder("sweep:\n");
            for (int a = 0; a < axes; a++) {
                file.append("  protocol.axis").append(a).append(": [1, 2]\n");
            }
            String size = String.format(java.util.Locale.ROOT, "%,d", java.math.BigInteger.TWO.pow(axes));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioLoader.load("big.yaml", file.toString()))
                    .as("%d axes of 2", axes)
                    .isInstanceOf(io.punchsim.scenarios.load.ScenarioException.class)
                    .hasMessageContaining("big.yaml:2:3: sweep: the grid has " + size
                            + " points (the product of the axes' sizes); at most 100,000 are allowed");
        }
    }
}
