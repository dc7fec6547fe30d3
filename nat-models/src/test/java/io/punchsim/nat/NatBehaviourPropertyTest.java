package io.punchsim.nat;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.net.DropReason;
import io.punchsim.sim.net.Endpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each mapping and filtering behaviour against the definition in RFC 4787 sections 4.1 and 5,
 * over many random destinations and sources. The oracle is the RFC's rule, written out here.
 */
class NatBehaviourPropertyTest {

    private static final int SEEDS = 40;
    private static final int EXTERNAL_IP = Endpoint.of("203.0.113.1", 0).ip();

    /** Small pools so that the same address with another port, and the same endpoint, recur. */
    private static Endpoint randomRemote(UniformRandomProvider rng) {
        return new Endpoint(Endpoint.of("198.51.100.0", 0).ip() + rng.nextInt(4), 3000 + rng.nextInt(4));
    }

    private static Endpoint randomInternal(UniformRandomProvider rng) {
        return new Endpoint(Endpoint.of("10.0.0.0", 0).ip() + 1 + rng.nextInt(3), 5000 + rng.nextInt(3));
    }

    /** The RFC's rule for when two sends must share an external endpoint. */
    private static List<Object> mappingOracleKey(MappingBehaviour mapping, Endpoint internal, Endpoint remote) {
        return switch (mapping) {
            case ENDPOINT_INDEPENDENT -> List.of(internal);
            case ADDRESS_DEPENDENT -> List.of(internal, remote.ip());
            case ADDRESS_AND_PORT_DEPENDENT -> List.of(internal, remote);
        };
    }

    @ParameterizedTest
    @EnumSource(MappingBehaviour.class)
    void exactlyTheDestinationChangesTheRfcNamesGiveANewExternalEndpoint(MappingBehaviour mapping) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            NatBehaviour behaviour = NatPresets.FULL_CONE.withMapping(mapping)
                    .withAllocation(new PortAllocation.Random());
            NatTable table = new NatTable(behaviour, List.of(EXTERNAL_IP),
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1000));
            Map<List<Object>, Endpoint> externalByKey = new HashMap<>();
            Map<Endpoint, List<Object>> keyByExternal = new HashMap<>();
            for (int send = 0; send < 200; send++) {
                Endpoint internal = randomInternal(rng);
                Endpoint remote = randomRemote(rng);
                NatVerdict verdict = table.outbound(send * 1_000_000L, internal, remote);
                assertThat(verdict).as("seed %d", seed).isInstanceOf(NatVerdict.Pass.class);
                Endpoint external = ((NatVerdict.Pass) verdict).source();
                List<Object> key = mappingOracleKey(mapping, internal, remote);
                Endpoint earlier = externalByKey.putIfAbsent(key, external);
                assertThat(external)
                        .as("seed %d, %s: %s -> %s must reuse its mapping", seed, mapping, internal, remote)
                        .isEqualTo(earlier == null ? external : earlier);
                List<Object> owner = keyByExternal.putIfAbsent(external, key);
                assertThat(key)
                        .as("seed %d, %s: %s -> %s must get a new external endpoint", seed, mapping, internal, remote)
                        .isEqualTo(owner == null ? key : owner);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FilteringBehaviour.class)
    void exactlyTheSourcesTheRfcNamesGetThroughAndTheRestAreFiltered(FilteringBehaviour filtering) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            NatBehaviour behaviour = NatPresets.FULL_CONE.withFiltering(filtering);
            NatTable table = new NatTable(behaviour, List.of(EXTERNAL_IP),
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1000));
            Endpoint internal = Endpoint.of("10.0.0.2", 4000);
            Set<Endpoint> sentTo = new HashSet<>();
            Endpoint external = null;
            int sends = 1 + rng.nextInt(5);
            for (int i = 0; i < sends; i++) {
                Endpoint remote = randomRemote(rng);
                sentTo.add(remote);
                external = ((NatVerdict.Pass) table.outbound(i, internal, remote)).source();
            }
            Set<Integer> sentToAddresses = new HashSet<>();
            sentTo.forEach(remote -> sentToAddresses.add(remote.ip()));
            int passed = 0;
            int filtered = 0;
            for (int probe = 0; probe < 100; probe++) {
                Endpoint source = rng.nextInt(5) == 0
                        ? new Endpoint(Endpoint.of("192.0.2.0", 0).ip() + rng.nextInt(256), 1 + rng.nextInt(65535))
                        : randomRemote(rng);
                boolean expected = switch (filtering) {
                    case ENDPOINT_INDEPENDENT -> true;
                    case ADDRESS_DEPENDENT -> sentToAddresses.contains(source.ip());
                    case ADDRESS_AND_PORT_DEPENDENT -> sentTo.contains(source);
                };
                NatVerdict verdict = table.inbound(1000 + probe, source, external);
                String context = String.format("seed %d, %s, sent to %s, inbound from %s", seed, filtering, sentTo, source);
                if (expected) {
                    assertThat(verdict).as(context).isEqualTo(new NatVerdict.Pass(source, internal, false));
                    passed++;
                } else {
                    assertThat(verdict).as(context).isEqualTo(new NatVerdict.Drop(DropReason.FILTERED));
                    filtered++;
                }
            }
            assertThat(passed).as("seed %d: some probes must pass", seed).isPositive();
            if (filtering != FilteringBehaviour.ENDPOINT_INDEPENDENT) {
                assertThat(filtered).as("seed %d: some probes must be filtered", seed).isPositive();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FilteringBehaviour.class)
    void withoutAMappingEveryInboundSourceIsFiltered(FilteringBehaviour filtering) {
        NatTable table = new NatTable(NatPresets.FULL_CONE.withFiltering(filtering), List.of(EXTERNAL_IP),
                RandomSource.XO_RO_SHI_RO_128_PP.create(7));
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8);
        List<NatVerdict> verdicts = new ArrayList<>();
        for (int probe = 0; probe < 50; probe++) {
            verdicts.add(table.inbound(probe, randomRemote(rng), new Endpoint(EXTERNAL_IP, 1024 + rng.nextInt(1000))));
        }
        assertThat(verdicts).containsOnly(new NatVerdict.Drop(DropReason.FILTERED));
    }
}
