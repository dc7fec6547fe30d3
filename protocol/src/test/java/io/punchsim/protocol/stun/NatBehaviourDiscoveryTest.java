package io.punchsim.protocol.stun;

import static io.punchsim.protocol.stun.FakeNetwork.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.config.Retransmission;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.DiscoveryResult.BehindNat;
import io.punchsim.protocol.stun.DiscoveryResult.NoNat;
import io.punchsim.protocol.stun.DiscoveryResult.ServerLacksRfc5780;
import io.punchsim.protocol.stun.DiscoveryResult.UdpBlocked;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class NatBehaviourDiscoveryTest {

    private static final Endpoint PRIMARY = Endpoint.parse("192.0.2.10:3478");
    private static final Endpoint ALTERNATE = Endpoint.parse("192.0.2.11:3479");
    private static final Endpoint PRIVATE = Endpoint.parse("10.0.0.2:5000");
    private static final int NAT_IP = Endpoint.parseIp("198.51.100.1");

    /**
     * A NAT with one behaviour for mapping and one for filtering (RFC 4787), written from the RFC's
     * definitions: the mapping key is the internal endpoint plus as much of the destination as the
     * mapping behaviour depends on; a mapping admits inbound datagrams from what it has sent to.
     */
    static final class TestNat implements FakeNetwork.Nat {
        private record Key(Endpoint internal, int destinationIp, int destinationPort) {}

        private record Mapping(Endpoint internal, Set<Endpoint> contacted) {}

        private final MappingBehaviour mapping;
        private final FilteringBehaviour filtering;
        private final Map<Key, Integer> ports = new HashMap<>();
        private final Map<Integer, Mapping> mappings = new HashMap<>();
        private int nextPort = 20_000;

        TestNat(MappingBehaviour mapping, FilteringBehaviour filtering) {
            this.mapping = mapping;
            this.filtering = filtering;
        }

        @Override
        public boolean isInside(Endpoint endpoint) {
            return (endpoint.ip() >>> 24) == 10;
        }

        @Override
        public boolean isPublic(Endpoint endpoint) {
            return endpoint.ip() == NAT_IP;
        }

        @Override
        public Endpoint outbound(Endpoint from, Endpoint to) {
            Key key = switch (mapping) {
                case ENDPOINT_INDEPENDENT -> new Key(from, -1, -1);
                case ADDRESS_DEPENDENT -> new Key(from, to.ip(), -1);
                case ADDRESS_AND_PORT_DEPENDENT -> new Key(from, to.ip(), to.port());
            };
            int port = ports.computeIfAbsent(key, k -> {
                mappings.put(nextPort, new Mapping(from, new HashSet<>()));
                return nextPort++;
            });
            mappings.get(port).contacted().add(to);
            return new Endpoint(NAT_IP, port);
        }

        @Override
        public Optional<Endpoint> inbound(Endpoint from, Endpoint toPublic) {
            Mapping found = mappings.get(toPublic.port());
            if (found == null) {
                return Optional.empty();
            }
            boolean admitted = switch (filtering) {
                case ENDPOINT_INDEPENDENT -> true;
                case ADDRESS_DEPENDENT -> found.contacted().stream().anyMatch(e -> e.ip() == from.ip());
                case ADDRESS_AND_PORT_DEPENDENT -> found.contacted().contains(from);
            };
            return admitted ? Optional.of(found.internal()) : Optional.empty();
        }
    }

    static List<Arguments> allNineBehaviours() {
        List<Arguments> cases = new ArrayList<>();
        for (MappingBehaviour mapping : MappingBehaviour.values()) {
            for (FilteringBehaviour filtering : FilteringBehaviour.values()) {
                cases.add(Arguments.of(mapping, filtering));
            }
        }
        return cases;
    }

    private final FakeNetwork network = new FakeNetwork(20 * MS, 11);
    private final List<DiscoveryResult> results = new ArrayList<>();

    private void discover(Endpoint local) {
        network.attach(local, new NatBehaviourDiscovery(PRIMARY, Retransmission.STUN_DEFAULT, results::add));
        network.runUntil(10 * 60_000 * MS);
    }

    @ParameterizedTest(name = "{0} mapping, {1} filtering")
    @MethodSource("allNineBehaviours")
    void classifiesEveryMappingAndFilteringCombination(MappingBehaviour mapping, FilteringBehaviour filtering) {
        StunServer.withAlternate(PRIMARY, ALTERNATE, "rfc5780").forEach(network::attach);
        network.nat(new TestNat(mapping, filtering));

        discover(PRIVATE);

        assertThat(results).containsExactly(new BehindNat(new Endpoint(NAT_IP, 20_000), mapping, filtering));
    }

    @Test
    void reportsNoNatWhenTheReflexiveAddressIsTheLocalOne() {
        StunServer.withAlternate(PRIMARY, ALTERNATE, "rfc5780").forEach(network::attach);
        Endpoint publicHost = Endpoint.parse("203.0.113.9:6000");

        discover(publicHost);

        assertThat(results).containsExactly(new NoNat(publicHost, FilteringBehaviour.ENDPOINT_INDEPENDENT));
        assertThat(((NoNat) results.get(0)).isOpenInternet()).isTrue();
    }

    @Test
    void reportsUdpBlockedWhenTestOneTimesOut() {
        StunServer.withAlternate(PRIMARY, ALTERNATE, "rfc5780").forEach(network::attach);
        network.dropEverything();

        discover(PRIVATE);

        assertThat(results).containsExactly(new UdpBlocked());
        // Seven requests of test I, and nothing after it.
        assertThat(network.sent()).hasSize(7);
    }

    @Test
    void reportsAServerWithoutAnAlternateAddress() {
        network.attach(PRIMARY, new StunServer());
        network.nat(new TestNat(MappingBehaviour.ENDPOINT_INDEPENDENT, FilteringBehaviour.ENDPOINT_INDEPENDENT));

        discover(PRIVATE);

        assertThat(results).containsExactly(new ServerLacksRfc5780(new Endpoint(NAT_IP, 20_000)));
    }
}
