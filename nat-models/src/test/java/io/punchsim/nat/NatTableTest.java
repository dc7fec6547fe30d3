package io.punchsim.nat;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.net.DropReason;
import io.punchsim.sim.net.Endpoint;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Lifetime, allocation, the cap, hairpinning, pooling, modes and the reboot fault of one table. */
class NatTableTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long LIFETIME = 120 * SECOND;
    private static final int EXTERNAL_IP = ip("203.0.113.1");
    private static final Endpoint INSIDE = Endpoint.of("10.0.0.2", 4000);
    private static final Endpoint OTHER_INSIDE = Endpoint.of("10.0.0.3", 4000);
    private static final Endpoint REMOTE = Endpoint.of("198.51.100.7", 3478);
    private static final NatVerdict FILTERED = new NatVerdict.Drop(DropReason.FILTERED);
    private static final NatVerdict NO_MAPPING = new NatVerdict.Drop(DropReason.NO_MAPPING);

    private static int ip(String dotted) {
        return Endpoint.of(dotted, 0).ip();
    }

    private static NatTable table(NatBehaviour behaviour, Integer... externalIps) {
        return new NatTable(behaviour, List.of(externalIps), RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
    }

    private static Endpoint external(NatVerdict verdict) {
        assertThat(verdict).isInstanceOf(NatVerdict.Pass.class);
        return ((NatVerdict.Pass) verdict).source();
    }

    private static Endpoint remote(int i) {
        return new Endpoint(ip("198.51.100.0") + i, 3000 + i);
    }

    @Test
    void outboundTrafficKeepsAMappingAliveAndAnIdleOneExpiresAtItsLifetimeToTheNanosecond() {
        NatTable table = table(NatPresets.PORT_RESTRICTED_CONE.withAllocation(new PortAllocation.Sequential(7))
                .withPorts(new PortRange(20_000, 20_999)), EXTERNAL_IP);
        Endpoint first = external(table.outbound(0, INSIDE, REMOTE));
        assertThat(first).isEqualTo(new Endpoint(EXTERNAL_IP, 20_000));
        // Refreshed just before it would expire, then at the same margin again: it survives 3 lifetimes.
        long t = 0;
        for (int i = 0; i < 3; i++) {
            t += LIFETIME - 1;
            assertThat(external(table.outbound(t, INSIDE, REMOTE))).isEqualTo(first);
        }
        assertThat(table.inbound(t + LIFETIME - 1, REMOTE, first)).isEqualTo(new NatVerdict.Pass(REMOTE, INSIDE, false));
        // Inbound does not refresh by default: the mapping expires LIFETIME after the last outbound packet.
        assertThat(table.inbound(t + LIFETIME, REMOTE, first)).isEqualTo(FILTERED);
        assertThat(table.mappingCount(t + LIFETIME)).isZero();
        // The next mapping's port follows the sequential rule: the previous one plus the step.
        assertThat(external(table.outbound(t + LIFETIME, INSIDE, REMOTE))).isEqualTo(new Endpoint(EXTERNAL_IP, 20_007));
    }

    @Test
    void inboundRefreshWhenEnabledKeepsTheMappingAlive() {
        NatBehaviour behaviour = NatPresets.FULL_CONE.withLifetime(Lifetime.of(Duration.ofMinutes(2)).withInboundRefresh(true));
        NatTable table = table(behaviour, EXTERNAL_IP);
        Endpoint mapped = external(table.outbound(0, INSIDE, REMOTE));
        assertThat(table.inbound(LIFETIME - 1, REMOTE, mapped).passed()).isTrue();
        assertThat(table.inbound(2 * LIFETIME - 2, REMOTE, mapped).passed()).isTrue();
        assertThat(table.inbound(3 * LIFETIME - 2, REMOTE, mapped)).isEqualTo(FILTERED);
    }

    @Test
    void expiryFreesThePortSoAPreservingNatHandsItOutAgain() {
        NatTable table = table(NatPresets.FULL_CONE, EXTERNAL_IP);
        assertThat(external(table.outbound(0, INSIDE, REMOTE)).port()).isEqualTo(4000);
        // Another host with the same port gets the fallback while the first mapping lives ...
        assertThat(external(table.outbound(SECOND, OTHER_INSIDE, REMOTE)).port()).isEqualTo(1024);
        // ... and the preserved port once it has expired.
        assertThat(external(table.outbound(LIFETIME, Endpoint.of("10.0.0.9", 4000), REMOTE)).port()).isEqualTo(4000);
    }

    @Test
    void expiryReallyFreesPortsOfASymmetricSequentialNat() {
        NatBehaviour behaviour = NatPresets.SYMMETRIC.withAllocation(new PortAllocation.Sequential(1))
                .withPorts(new PortRange(30_000, 30_001));
        NatTable table = table(behaviour, EXTERNAL_IP);
        assertThat(external(table.outbound(0, INSIDE, remote(1))).port()).isEqualTo(30_000);
        assertThat(external(table.outbound(0, INSIDE, remote(2))).port()).isEqualTo(30_001);
        assertThat(table.outbound(LIFETIME - 1, INSIDE, remote(3))).isEqualTo(NO_MAPPING);
        assertThat(external(table.outbound(LIFETIME, INSIDE, remote(3))).port()).isEqualTo(30_000);
        assertThat(external(table.outbound(LIFETIME, INSIDE, remote(4))).port()).isEqualTo(30_001);
    }

    @Test
    void randomAllocationDrawsFromTheConfiguredRangeWithTheNatsStream() {
        PortRange range = new PortRange(40_000, 40_099);
        NatBehaviour behaviour = NatPresets.SYMMETRIC.withPorts(range);
        NatTable table = table(behaviour, EXTERNAL_IP);
        NatTable twin = table(behaviour, EXTERNAL_IP);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            int port = external(table.outbound(i, INSIDE, remote(i))).port();
            assertThat(range.contains(port)).as("port %d", port).isTrue();
            assertThat(external(twin.outbound(i, INSIDE, remote(i))).port()).as("same seed, same port").isEqualTo(port);
            ports.add(port);
        }
        // Every port of the range is handed out exactly once: the 101st flow finds none.
        assertThat(ports).hasSize(100);
        assertThat(table.outbound(100, INSIDE, remote(100))).isEqualTo(NO_MAPPING);
    }

    @Test
    void aFullTableDropsNewFlowsAndKeepsTheOldOnes() {
        NatTable table = table(NatPresets.SYMMETRIC.withCap(3, CapPolicy.DROP_NEW), EXTERNAL_IP);
        Endpoint[] mapped = new Endpoint[3];
        for (int i = 0; i < 3; i++) {
            mapped[i] = external(table.outbound(i, INSIDE, remote(i)));
        }
        assertThat(table.outbound(3, INSIDE, remote(3))).isEqualTo(NO_MAPPING);
        for (int i = 0; i < 3; i++) {
            assertThat(table.inbound(4, remote(i), mapped[i]).passed()).isTrue();
        }
        // An existing flow still passes at the cap.
        assertThat(external(table.outbound(5, INSIDE, remote(0)))).isEqualTo(mapped[0]);
    }

    @Test
    void aFullTableEvictsTheOldestMappingWhenSoConfigured() {
        NatTable table = table(NatPresets.SYMMETRIC.withCap(3, CapPolicy.EVICT_OLDEST), EXTERNAL_IP);
        Endpoint[] mapped = new Endpoint[4];
        for (int i = 0; i < 4; i++) {
            mapped[i] = external(table.outbound(i, INSIDE, remote(i)));
        }
        assertThat(table.mappingCount(4)).isEqualTo(3);
        assertThat(table.inbound(5, remote(0), mapped[0])).isEqualTo(FILTERED);
        for (int i = 1; i < 4; i++) {
            assertThat(table.inbound(5, remote(i), mapped[i]).passed()).isTrue();
        }
    }

    @Test
    void hairpinningLoopsBackWithTheSendersExternalSource() {
        NatTable table = table(NatPresets.FULL_CONE, EXTERNAL_IP);
        Endpoint mappedB = external(table.outbound(0, OTHER_INSIDE, REMOTE));
        Endpoint inside = Endpoint.of("10.0.0.2", 5555);
        NatVerdict verdict = table.outbound(1, inside, mappedB);
        // RFC 4787 REQ-9: the source is A's external endpoint, not its internal one.
        assertThat(verdict).isEqualTo(new NatVerdict.Pass(new Endpoint(EXTERNAL_IP, 5555), OTHER_INSIDE, true));
    }

    @Test
    void hairpinnedDatagramsAreFilteredLikeAnyInboundOne() {
        NatTable table = table(NatPresets.PORT_RESTRICTED_CONE, EXTERNAL_IP);
        Endpoint mappedB = external(table.outbound(0, OTHER_INSIDE, REMOTE));
        Endpoint inside = Endpoint.of("10.0.0.2", 5555);
        assertThat(table.outbound(1, inside, mappedB)).isEqualTo(FILTERED);
        table.outbound(2, OTHER_INSIDE, new Endpoint(EXTERNAL_IP, 5555));
        assertThat(table.outbound(3, inside, mappedB)).isEqualTo(new NatVerdict.Pass(new Endpoint(EXTERNAL_IP, 5555), OTHER_INSIDE, true));
    }

    @Test
    void withoutHairpinningADatagramToTheNatsOwnAddressIsDropped() {
        NatTable table = table(NatPresets.FULL_CONE.withHairpinning(false), EXTERNAL_IP);
        Endpoint mappedB = external(table.outbound(0, OTHER_INSIDE, REMOTE));
        assertThat(table.outbound(1, INSIDE, mappedB)).isEqualTo(new NatVerdict.Drop(DropReason.NO_ROUTE));
    }

    @Test
    void pairedPoolingGivesEveryMappingOfAnInternalAddressTheSameExternalAddress() {
        List<Integer> pool = List.of(ip("203.0.113.1"), ip("203.0.113.2"), ip("203.0.113.3"));
        NatTable table = new NatTable(NatPresets.SYMMETRIC, pool, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        Set<Integer> usedOverall = new HashSet<>();
        for (int host = 1; host <= 30; host++) {
            Set<Integer> usedByHost = new HashSet<>();
            for (int flow = 0; flow < 10; flow++) {
                Endpoint internal = new Endpoint(ip("10.0.0.0") + host, 4000 + flow % 3);
                int address = external(table.outbound(0, internal, remote(flow))).ip();
                assertThat(pool).contains(address);
                usedByHost.add(address);
            }
            assertThat(usedByHost).as("host %d", host).hasSize(1);
            usedOverall.addAll(usedByHost);
        }
        assertThat(usedOverall).as("30 hosts spread over the pool").hasSize(3);
    }

    @Test
    void arbitraryPoolingSpreadsOneHostsMappingsOverThePool() {
        List<Integer> pool = List.of(ip("203.0.113.1"), ip("203.0.113.2"), ip("203.0.113.3"));
        NatTable table = new NatTable(NatPresets.SYMMETRIC.withPooling(Pooling.ARBITRARY), pool,
                RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        Set<Integer> used = new HashSet<>();
        for (int flow = 0; flow < 30; flow++) {
            Endpoint mapped = external(table.outbound(2 * flow, INSIDE, remote(flow)));
            used.add(mapped.ip());
            assertThat(table.inbound(2 * flow + 1, remote(flow), mapped)).isEqualTo(new NatVerdict.Pass(remote(flow), INSIDE, false));
        }
        assertThat(used).hasSize(3);
    }

    @Test
    void aFirewallFiltersWithoutTranslating() {
        NatTable table = table(NatPresets.FIREWALL);
        assertThat(table.inbound(0, REMOTE, INSIDE)).isEqualTo(FILTERED);
        assertThat(table.outbound(1, INSIDE, REMOTE)).isEqualTo(new NatVerdict.Pass(INSIDE, REMOTE, false));
        assertThat(table.inbound(2, REMOTE, INSIDE)).isEqualTo(new NatVerdict.Pass(REMOTE, INSIDE, false));
        assertThat(table.inbound(3, REMOTE.withPort(1), INSIDE)).isEqualTo(FILTERED);
        assertThat(table.inbound(1 + LIFETIME, REMOTE, INSIDE)).isEqualTo(FILTERED);
    }

    @Test
    void udpBlockedDropsBothWaysAndOpenPassesBothWaysUnchanged() {
        NatTable blocked = table(NatPresets.UDP_BLOCKED);
        assertThat(blocked.outbound(0, INSIDE, REMOTE)).isEqualTo(new NatVerdict.Drop(DropReason.BLOCKED));
        assertThat(blocked.inbound(0, REMOTE, INSIDE)).isEqualTo(new NatVerdict.Drop(DropReason.BLOCKED));
        NatTable open = table(NatPresets.OPEN);
        assertThat(open.inbound(0, REMOTE, INSIDE)).isEqualTo(new NatVerdict.Pass(REMOTE, INSIDE, false));
        assertThat(open.outbound(0, INSIDE, REMOTE)).isEqualTo(new NatVerdict.Pass(INSIDE, REMOTE, false));
    }

    @Test
    void droppingAllMappingsClosesEveryHoleAtOnce() {
        NatTable table = table(NatPresets.FULL_CONE.withAllocation(new PortAllocation.Sequential(1)), EXTERNAL_IP);
        Endpoint mapped = external(table.outbound(0, INSIDE, REMOTE));
        table.dropAllMappings();
        assertThat(table.inbound(1, REMOTE, mapped)).isEqualTo(FILTERED);
        assertThat(table.mappingCount(1)).isZero();
    }

    @Test
    void timeMustNotGoBackwards() {
        NatTable table = table(NatPresets.FULL_CONE, EXTERNAL_IP);
        table.outbound(10, INSIDE, REMOTE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.outbound(9, INSIDE, REMOTE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
