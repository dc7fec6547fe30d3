package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.punchsim.nat.CapPolicy;
import io.punchsim.nat.FilteringBehaviour;
import io.punchsim.nat.Lifetime;
import io.punchsim.nat.MappingBehaviour;
import io.punchsim.nat.NatPresets;
import io.punchsim.nat.Pooling;
import io.punchsim.nat.PortAllocation;
import io.punchsim.nat.PortRange;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.gate.GateOperator;
import io.punchsim.reports.gate.JudgedOn;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.stats.Percentile;
import io.punchsim.scenarios.model.CustomNat;
import io.punchsim.scenarios.model.FaultSpec;
import io.punchsim.scenarios.model.LatencySpec;
import io.punchsim.scenarios.model.LossSpec;
import io.punchsim.scenarios.model.NatChain;
import io.punchsim.scenarios.model.NatMix;
import io.punchsim.scenarios.model.PresetNat;
import io.punchsim.protocol.config.Fraction;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.scenarios.model.Scenario;
import io.punchsim.scenarios.model.ScenarioDefaults;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model holds exactly what the file says, in nanoseconds and rates; absent keys hold the SPEC defaults. */
class LoaderModelTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void aMinimalFileGetsTheSpecDefaultsOfTheProcess() throws Exception {
        Scenario s = ScenarioLoader.load("minimal.yaml", "seeds: 1\n").base();
        ProtocolConfig p = s.protocol();
        // SPEC 2.3: T = 500 ms, L = 10, f = 2/3, P = T; SPEC 2.1 STUN retransmission defaults.
        assertThat(p.attemptIntervalNanos()).isEqualTo(500 * MS);
        assertThat(p.attemptLimit()).isEqualTo(10);
        assertThat(p.directFraction()).isEqualTo(new Fraction(2, 3));
        assertThat(p.pingIntervalNanos()).isEqualTo(500 * MS);
        assertThat(p.stun().initialRtoNanos()).isEqualTo(500 * MS);
        assertThat(p.stun().maxTransmissions()).isEqualTo(7);
        assertThat(p.peerReflexive() || p.localCandidates() || p.portPrediction() || p.parallelRelay()).isFalse();
        assertThat(s.name()).isEqualTo("minimal");
        assertThat(s.seeds()).isEqualTo(1);
    }

    @Test
    void theDefaultFractionGivesSevenDirectAndThreeRelayAttempts() throws Exception {
        // SPEC 2.3: with the defaults, direct attempts at 0.0..3.0 s (7), relay at 3.5, 4.0, 4.5 s (3).
        ProtocolConfig p = ScenarioLoader.load("m.yaml", "protocol: {direct-fraction: 2/3}\n").base().protocol();
        int direct = 0;
        for (int n = 0; n < p.attemptLimit(); n++) {
            if (p.directFraction().exceeds(n, p.attemptLimit())) {
                direct++;
            }
        }
        assertThat(direct).isEqualTo(7);
        assertThat(p.attemptLimit() - direct).isEqualTo(3);
    }

    @Test
    void thePingIntervalFollowsAChangedAttemptInterval() throws Exception {
        ProtocolConfig p = ScenarioLoader.load("m.yaml", "protocol: {attempt-interval: 1.5s}\n").base().protocol();
        assertThat(p.pingIntervalNanos()).isEqualTo(1_500 * MS);
    }

    @Test
    void everyKeyIsBoundToTheModel() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("src/test/resources/good/every-key.yaml"));
        Scenario s = loaded.base();
        assertThat(s.rootSeed()).isEqualTo(-7L);
        NatMix hostMix = (NatMix) s.network().host().nat();
        assertThat(hostMix.options()).hasSize(3);
        assertThat(s.network().clients()).isEqualTo(3);
        assertThat(s.network().sharedNats()).containsExactly(java.util.Map.entry("carrier", preset("cgnat")));
        assertThat(hostMix.options().get(2).nat()).isEqualTo(new NatChain(java.util.List.of(preset("full-cone"),
                new io.punchsim.scenarios.model.SharedNat("carrier", preset("cgnat")))));
        CustomNat custom = (CustomNat) hostMix.options().get(0).nat();
        assertThat(hostMix.options().get(0).weight()).isEqualTo(0.25);
        assertThat(custom.base()).contains(NatPresets.byName("symmetric"));
        assertThat(custom.behaviour()).isEqualTo(NatPresets.SYMMETRIC
                .withMapping(MappingBehaviour.ADDRESS_DEPENDENT)
                .withFiltering(FilteringBehaviour.ENDPOINT_INDEPENDENT)
                .withAllocation(new PortAllocation.Sequential(2))
                .withPorts(new PortRange(2000, 3000))
                .withLifetime(new Lifetime(30 * S, 30 * S, true))
                .withHairpinning(true)
                .withPooling(Pooling.ARBITRARY)
                .withCap(100, CapPolicy.EVICT_OLDEST));
        assertThat(custom.externalAddresses()).isEqualTo(4);
        assertThat(hostMix.options().get(1).nat()).isEqualTo(new NatChain(java.util.List.of(
                preset("port-restricted-cone"), preset("cgnat"))));

        var up = s.network().host().link().up();
        var down = s.network().host().link().down();
        assertThat(up.latency()).isEqualTo(new LatencySpec.LogNormal(20 * MS, 0.5));
        assertThat(up.jitterNanos()).isEqualTo(2 * MS);
        assertThat(up.fifo()).isTrue();
        assertThat(up.loss()).isEqualTo(new LossSpec.GilbertElliott(0.01, 0.30, 0.0, 0.80));
        assertThat(up.duplication()).isZero();
        // down only overrides latency; the rest comes from the link's shared values
        assertThat(down.latency()).isEqualTo(new LatencySpec.Pareto(10 * MS, 2.5));
        assertThat(down.jitterNanos()).isEqualTo(1 * MS);
        assertThat(down.fifo()).isFalse();
        assertThat(down.loss()).isEqualTo(new LossSpec.Bernoulli(0.01));
        assertThat(down.duplication()).isCloseTo(0.001, within(1e-15));
        assertThat(s.network().host().startupDelay()).isEqualTo(new LatencySpec.Normal(50 * MS, 10 * MS));
        assertThat(s.network().host().joinDelay()).isEqualTo(new LatencySpec.Empirical(java.util.List.of(
                new LatencySpec.Point(0, 0.5), new LatencySpec.Point(S, 0.5))));

        assertThat(((NatMix) s.network().client().nat()).options()).extracting(o -> o.nat().label())
                .containsExactlyElementsOf(NatPresets.names());
        assertThat(s.network().client().link().up().latency()).isEqualTo(new LatencySpec.Uniform(10 * MS, 20 * MS));
        assertThat(s.network().cloud().fromHost()).isEqualTo(new LatencySpec.Constant(35 * MS));
        assertThat(s.network().cloud().fromClient()).isEqualTo(new LatencySpec.Uniform(30 * MS, 60 * MS));
        assertThat(s.network().stun().fromHost()).isEqualTo(new LatencySpec.Constant(15 * MS));
        // region: eu-asia, 140 ms one way, for the peer that from-host does not override.
        assertThat(s.network().stun().fromClient()).isEqualTo(new LatencySpec.Constant(140 * MS));
        // The sweep's client NAT: mixed-players with its cellular share raised from 25% to 40%.
        NatMix drawn = (NatMix) loaded.points().get(0).scenario().network().client().nat();
        double mobile = 0;
        for (var share : Populations.byName("mobile-cgnat").shares()) {
            mobile += drawn.options().stream().filter(o -> o.nat().label().equals(share.leaf().name()))
                    .mapToDouble(NatMix.Option::weight).sum();
        }
        assertThat(mobile).isCloseTo(0.40, within(1e-12));

        ProtocolConfig p = s.protocol();
        assertThat(p).isEqualTo(ProtocolConfig.builder().attemptInterval(250 * MS).attemptLimit(12)
                .directFraction(new Fraction(3, 4)).pingInterval(200 * MS).listenTimeout(8 * S).stunRto(300 * MS)
                .stunMaxRequests(5).stunFinalWait(4 * S).cloudRto(100 * MS).cloudMaxRetransmits(4).cloudFinalWait(3 * S)
                .keepaliveInterval(10 * S).memberLifetime(45 * S).peerReflexive(true).localCandidates(true).portPrediction(true)
                .parallelRelay(true).predictedPorts(5).sessionCapacity(8).noSessionRetries(2).noSessionBackoff(500 * MS)
                .noSessionMaxBackoff(4 * S).gamePhase(true).tickRate(60).gamePhaseLength(2 * S).echoGrace(500 * MS)
                .build());

        assertThat(s.faults()).containsExactly(
                new FaultSpec.LinkDown(FaultSpec.FaultLink.CLOUD, FaultSpec.FaultDirection.UP, S, 1_500 * MS),
                new FaultSpec.LossBurst(FaultSpec.FaultLink.CLIENT, FaultSpec.FaultDirection.BOTH, 2 * S, 3 * S, 0.40),
                new FaultSpec.NatRebinding(FaultSpec.Side.HOST, 0, 4 * S));
        assertThat(s.gates()).containsExactly(
                new Gate(Metrics.DIRECT_RATE, GateOperator.AT_LEAST, 0.5, JudgedOn.INTERVAL),
                new Gate(Metrics.connectTime(Percentile.MAX), GateOperator.AT_MOST, 5.0, JudgedOn.ESTIMATE));
        assertThat(loaded.points()).extracting(pt -> pt.scenario().protocol().attemptLimit()).containsExactly(8, 12);
    }

    @Test
    void aPresetWithOverridesKeepsEverythingElseOfThePreset() throws Exception {
        Scenario s = ScenarioLoader.load("p.yaml", "host:\n  nat: {preset: cgnat, hairpinning: false}\n").base();
        CustomNat nat = (CustomNat) s.network().host().nat();
        assertThat(nat.base()).contains(NatPresets.byName("cgnat"));
        assertThat(nat.behaviour()).isEqualTo(NatPresets.CGNAT.withHairpinning(false));
        assertThat(nat.externalAddresses()).isEqualTo(NatPresets.byName("cgnat").externalAddresses());
        assertThat(nat.label()).isEqualTo("cgnat+custom");
    }

    @Test
    void aCustomNatWithoutPresetStartsFromTheDefaults() throws Exception {
        Scenario s = ScenarioLoader.load("c.yaml", "host:\n  nat: {allocation: sequential, port-step: 3}\n").base();
        CustomNat nat = (CustomNat) s.network().host().nat();
        assertThat(nat.base()).isEmpty();
        assertThat(nat.behaviour()).isEqualTo(ScenarioDefaults.CUSTOM_NAT.withAllocation(new PortAllocation.Sequential(3)));
        assertThat(nat.externalAddresses()).isEqualTo(1);
    }

    @Test
    void aPortStepAloneStepsTheSequentialFallbackOfPreserve() throws Exception {
        Scenario s = ScenarioLoader.load("c.yaml", "host:\n  nat: {preset: full-cone, port-step: 5}\n").base();
        assertThat(((CustomNat) s.network().host().nat()).behaviour().allocation())
                .isEqualTo(new PortAllocation.Preserve(new PortAllocation.Sequential(5)));
    }

    @Test
    void aMixPicksByCumulativeWeightInFileOrder() throws Exception {
        NatMix mix = (NatMix) ScenarioLoader.load("m.yaml",
                "client:\n  nat: {port-restricted-cone: 0.5, symmetric: 0.3, full-cone: 0.2}\n").base().network().client().nat();
        assertThat(mix.pick(0.0)).isEqualTo(preset("port-restricted-cone"));
        assertThat(mix.pick(0.4999)).isEqualTo(preset("port-restricted-cone"));
        assertThat(mix.pick(0.5)).isEqualTo(preset("symmetric"));
        assertThat(mix.pick(0.7999)).isEqualTo(preset("symmetric"));
        assertThat(mix.pick(0.8)).isEqualTo(preset("full-cone"));
        assertThat(mix.pick(0.9999999)).isEqualTo(preset("full-cone"));
    }

    @Test
    void anchorsAndAliasesShareAValue() throws Exception {
        Scenario s = ScenarioLoader.load("a.yaml", """
                host:
                  nat: &home {port-restricted-cone: 0.7, symmetric: 0.3}
                client:
                  nat: *home
                """).base();
        assertThat(s.network().client().nat()).isEqualTo(s.network().host().nat());
        assertThat(((NatMix) s.network().client().nat()).options()).hasSize(2);
    }

    @Test
    void yamlOneOneBooleansKeepTheirMeaning() throws Exception {
        var v = ScenarioLoader.load("b.yaml", "protocol:\n  variants: {peer-reflexive: yes, parallel-relay: on}\n")
                .base().protocol();
        assertThat(v.peerReflexive()).isTrue();
        assertThat(v.parallelRelay()).isTrue();
    }

    @Test
    void anEmptySectionMeansItsDefaults() throws Exception {
        Scenario s = ScenarioLoader.load("e.yaml", "seeds: 3\nprotocol:\n  # attempt-limit: 8\n").base();
        assertThat(s.protocol().attemptLimit()).isEqualTo(10);
    }

    @Test
    void onASharedLanTheClientHasNoNatOfItsOwn() throws Exception {
        Scenario s = ScenarioLoader.load("l.yaml", "network: {same-lan: true}\nhost: {nat: symmetric}\n").base();
        assertThat(s.network().sameLan()).isTrue();
        assertThat(s.network().client().nat()).isEqualTo(preset("open"));
    }

    private static PresetNat preset(String name) {
        return new PresetNat(NatPresets.byName(name));
    }
}
