package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.punchsim.scenarios.model.CustomNat;
import io.punchsim.scenarios.model.FaultSpec;
import io.punchsim.scenarios.model.GateSpec;
import io.punchsim.scenarios.model.LatencySpec;
import io.punchsim.scenarios.model.LossSpec;
import io.punchsim.scenarios.model.NatBehaviour;
import io.punchsim.scenarios.model.NatChain;
import io.punchsim.scenarios.model.NatMix;
import io.punchsim.scenarios.model.NatPreset;
import io.punchsim.scenarios.model.PresetNat;
import io.punchsim.protocol.config.Fraction;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.scenarios.model.Scenario;
import java.nio.file.Path;
import java.util.Optional;
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
        assertThat(hostMix.options()).hasSize(2);
        CustomNat custom = (CustomNat) hostMix.options().get(0).nat();
        assertThat(hostMix.options().get(0).weight()).isEqualTo(0.25);
        assertThat(custom.base()).contains(NatPreset.LINUX_MASQUERADE);
        NatBehaviour b = custom.behaviour();
        assertThat(b.mapping()).contains(NatBehaviour.Behaviour.ADDRESS_DEPENDENT);
        assertThat(b.filtering()).contains(NatBehaviour.Behaviour.ENDPOINT_INDEPENDENT);
        assertThat(b.allocation()).contains(NatBehaviour.PortAllocation.SEQUENTIAL);
        assertThat(b.portStep()).contains(2);
        assertThat(b.portRange()).contains(new NatBehaviour.PortRange(2000, 3000));
        assertThat(b.lifetimeNanos()).contains(30 * S);
        assertThat(b.inboundRefresh()).contains(true);
        assertThat(b.hairpinning()).contains(true);
        assertThat(b.externalAddresses()).contains(4);
        assertThat(b.pooling()).contains(NatBehaviour.Pooling.ARBITRARY);
        assertThat(b.maxMappings()).contains(100);
        assertThat(b.onFull()).contains(NatBehaviour.OnFull.EVICT_OLDEST);
        assertThat(hostMix.options().get(1).nat()).isEqualTo(new NatChain(java.util.List.of(
                new PresetNat(NatPreset.PORT_RESTRICTED_CONE), new PresetNat(NatPreset.CGNAT))));

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

        assertThat(((NatMix) s.network().client().nat()).options()).hasSize(9);
        assertThat(s.network().client().link().up().latency()).isEqualTo(new LatencySpec.Uniform(10 * MS, 20 * MS));
        assertThat(s.network().cloud().fromHost()).isEqualTo(new LatencySpec.Constant(35 * MS));
        assertThat(s.network().cloud().fromClient()).isEqualTo(new LatencySpec.Uniform(30 * MS, 60 * MS));
        assertThat(s.network().stun().fromHost()).isEqualTo(new LatencySpec.Constant(15 * MS));
        assertThat(s.network().stun().fromClient()).isEqualTo(new LatencySpec.Constant(20 * MS));

        ProtocolConfig p = s.protocol();
        assertThat(p).isEqualTo(ProtocolConfig.builder().attemptInterval(250 * MS).attemptLimit(12)
                .directFraction(new Fraction(3, 4)).pingInterval(200 * MS).listenTimeout(8 * S).stunRto(300 * MS)
                .stunMaxRequests(5).stunFinalWait(4 * S).cloudRto(100 * MS).cloudMaxRetransmits(4).cloudFinalWait(3 * S)
                .keepaliveInterval(10 * S).memberLifetime(45 * S).peerReflexive(true).localCandidates(true).portPrediction(true)
                .parallelRelay(true).predictedPorts(5).noSessionRetries(2).noSessionBackoff(500 * MS)
                .noSessionMaxBackoff(4 * S).gamePhase(true).tickRate(60).gamePhaseLength(2 * S).echoGrace(500 * MS)
                .build());

        assertThat(s.faults()).containsExactly(
                new FaultSpec.LinkDown(FaultSpec.FaultLink.CLOUD, FaultSpec.FaultDirection.UP, S, 1_500 * MS),
                new FaultSpec.LossBurst(FaultSpec.FaultLink.CLIENT, FaultSpec.FaultDirection.BOTH, 2 * S, 3 * S, 0.40),
                new FaultSpec.NatRebinding(FaultSpec.Side.HOST, 0, 4 * S));
        assertThat(s.gates()).containsExactly(
                new GateSpec(GateSpec.Metric.DIRECT_RATE, GateSpec.Bound.AT_LEAST, 0.5, GateSpec.JudgedOn.INTERVAL),
                new GateSpec(GateSpec.Metric.CONNECT_TIME_MAX, GateSpec.Bound.AT_MOST, 5.0 * S, GateSpec.JudgedOn.ESTIMATE));
        assertThat(loaded.points()).extracting(pt -> pt.scenario().protocol().attemptLimit()).containsExactly(8, 12);
    }

    @Test
    void aPresetWithOverridesKeepsOnlyTheGivenFields() throws Exception {
        Scenario s = ScenarioLoader.load("p.yaml", "host:\n  nat: {preset: cgnat, hairpinning: true}\n").base();
        CustomNat nat = (CustomNat) s.network().host().nat();
        assertThat(nat.base()).contains(NatPreset.CGNAT);
        assertThat(nat.behaviour().hairpinning()).contains(true);
        assertThat(nat.behaviour().mapping()).isEqualTo(Optional.empty());
    }

    @Test
    void aMixPicksByCumulativeWeightInFileOrder() throws Exception {
        NatMix mix = (NatMix) ScenarioLoader.load("m.yaml",
                "client:\n  nat: {port-restricted-cone: 0.5, symmetric: 0.3, full-cone: 0.2}\n").base().network().client().nat();
        assertThat(mix.pick(0.0)).isEqualTo(new PresetNat(NatPreset.PORT_RESTRICTED_CONE));
        assertThat(mix.pick(0.4999)).isEqualTo(new PresetNat(NatPreset.PORT_RESTRICTED_CONE));
        assertThat(mix.pick(0.5)).isEqualTo(new PresetNat(NatPreset.SYMMETRIC));
        assertThat(mix.pick(0.7999)).isEqualTo(new PresetNat(NatPreset.SYMMETRIC));
        assertThat(mix.pick(0.8)).isEqualTo(new PresetNat(NatPreset.FULL_CONE));
        assertThat(mix.pick(0.9999999)).isEqualTo(new PresetNat(NatPreset.FULL_CONE));
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
        assertThat(s.network().client().nat()).isEqualTo(new PresetNat(NatPreset.OPEN));
    }
}
