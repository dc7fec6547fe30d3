package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.scenarios.model.FaultSpec;
import io.punchsim.scenarios.model.LossSpec;
import io.punchsim.scenarios.model.NatChain;
import io.punchsim.scenarios.model.PresetNat;
import io.punchsim.scenarios.model.Scenario;
import io.punchsim.protocol.config.Fraction;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example validates, is explained at its top, and describes what its name promises. */
class ExamplesTest {

    static Stream<String> examples() {
        return Examples.NAMES.stream();
    }

    @Test
    void theListOfExamplesMatchesTheFolder() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(Examples.NAMES.stream().sorted().toList());
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void eachExampleLoadsFromTheFolderAndFromTheJar(String name) throws Exception {
        LoadedScenario fromFolder = ScenarioLoader.load(Path.of("examples", name));
        LoadedScenario fromJar = Examples.load(name);
        assertThat(fromJar.base()).isEqualTo(fromFolder.base());
        assertThat(fromJar.points()).isEqualTo(fromFolder.points());
        assertThat(fromJar.file()).isEqualTo(name);
        assertThat(fromFolder.file()).isEqualTo(Path.of("examples", name).toString());
        assertThat(fromFolder.base().name()).isEqualTo(name.replace(".yaml", ""));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void eachExampleOpensWithACommentThatNamesIt(String name) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("examples", name));
        assertThat(lines.get(0)).startsWith("# " + name.replace(".yaml", "") + ":");
        assertThat(lines.stream().takeWhile(l -> l.startsWith("#")).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void fusionDefaultRunsTheProcessWithItsSpecDefaults() throws Exception {
        Scenario s = Examples.load("fusion-default").base();
        assertThat(s.protocol().attemptIntervalNanos()).isEqualTo(500_000_000L);
        assertThat(s.protocol().attemptLimit()).isEqualTo(10);
        assertThat(s.protocol().directFraction()).isEqualTo(new Fraction(2, 3));
        assertThat(s.protocol()).isEqualTo(ProtocolConfig.DEFAULTS);
        assertThat(s.gates()).hasSize(3);
    }

    @Test
    void fusionSessionSweepsTheClientsOfASessionOverFusionDefaultsPopulation() throws Exception {
        Scenario fusion = Examples.load("fusion-default").base();
        List<SweepPoint> points = Examples.load("fusion-session").points();
        assertThat(points).extracting(p -> p.scenario().network().clients()).containsExactly(1, 3, 7, 9);
        assertThat(points).allSatisfy(p -> {
            Scenario s = p.scenario();
            assertThat(s.network().host()).isEqualTo(fusion.network().host());
            assertThat(s.network().client()).isEqualTo(fusion.network().client());
            assertThat(s.protocol()).isEqualTo(fusion.protocol());
        });
    }

    @Test
    void natMatrixCoversTheSixteenClassicPairs() throws Exception {
        List<SweepPoint> points = Examples.load("nat-matrix").points();
        List<String> classic = List.of("full-cone", "restricted-cone", "port-restricted-cone", "symmetric");
        assertThat(points).hasSize(16);
        for (int i = 0; i < 16; i++) {
            Scenario s = points.get(i).scenario();
            assertThat(s.network().host().nat().label()).isEqualTo(classic.get(i / 4));
            assertThat(s.network().client().nat().label()).isEqualTo(classic.get(i % 4));
            assertThat(s.network().host().link().up().loss()).isEqualTo(new LossSpec.Bernoulli(0));
        }
    }

    @Test
    void tuneIntervalLimitIsAThreeByThreeByThreeGrid() throws Exception {
        LoadedScenario loaded = Examples.load("tune-interval-limit");
        assertThat(loaded.sweep().axes()).extracting(a -> a.path()).containsExactly(
                "protocol.attempt-interval", "protocol.attempt-limit", "protocol.direct-fraction");
        assertThat(loaded.points()).hasSize(27);
        assertThat(loaded.points().get(26).scenario().protocol().directFraction()).isEqualTo(new Fraction(5, 6));
    }

    @Test
    void lossyMobileHasBurstLossACarrierNatAndARebinding() throws Exception {
        Scenario s = Examples.load("lossy-mobile").base();
        NatChain chain = (NatChain) s.network().client().nat();
        assertThat(chain.hops().get(1)).isEqualTo(new PresetNat(io.punchsim.nat.NatPresets.byName("cgnat")));
        assertThat(s.network().client().link().down().loss()).isInstanceOf(LossSpec.GilbertElliott.class);
        assertThat(s.faults()).anySatisfy(f -> assertThat(f).isEqualTo(
                new FaultSpec.NatRebinding(FaultSpec.Side.CLIENT, 1, 6_000_000_000L)));
        assertThat(s.protocol().gamePhase()).isTrue();
    }

    @Test
    void sameLanCrossesHairpinningWithLocalCandidates() throws Exception {
        List<SweepPoint> points = Examples.load("same-lan").points();
        assertThat(points).hasSize(4);
        assertThat(points).allSatisfy(p -> assertThat(p.scenario().network().sameLan()).isTrue());
        assertThat(points).extracting(SweepPoint::label).containsExactly(
                "host.nat.hairpinning=false, protocol.variants.local-candidates=false",
                "host.nat.hairpinning=false, protocol.variants.local-candidates=true",
                "host.nat.hairpinning=true, protocol.variants.local-candidates=false",
                "host.nat.hairpinning=true, protocol.variants.local-candidates=true");
    }

    @Test
    void variantsTurnsOnEachVariantAloneAfterTheDefault() throws Exception {
        List<SweepPoint> points = Examples.load("variants").points();
        ProtocolConfig d = ProtocolConfig.DEFAULTS;
        assertThat(points).extracting(p -> p.scenario().protocol()).containsExactly(d,
                d.toBuilder().peerReflexive(true).build(),
                d.toBuilder().localCandidates(true).build(),
                d.toBuilder().portPrediction(true).build(),
                d.toBuilder().parallelRelay(true).build(),
                d.toBuilder().lanStage(true).build(),
                d.toBuilder().relayWithoutReflexive(true).build(),
                d.toBuilder().relayFirst(true).build(),
                d.toBuilder().birthdayPunch(true).build(),
                d.toBuilder().portMapping(true).build());
    }
}
