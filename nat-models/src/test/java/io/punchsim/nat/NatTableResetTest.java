package io.punchsim.nat;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.net.Endpoint;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * A sweep starts one NAT table over for every run instead of building it again: a table that has
 * lived through traffic under one behaviour and is then reset to another must answer every later
 * packet exactly as a new table with that behaviour, on a generator in the same state, does.
 */
class NatTableResetTest {

    private static final int EXTERNAL_IP = Endpoint.of("203.0.113.1", 0).ip();
    private static final List<NatBehaviour> BEHAVIOURS = List.of(NatPresets.FULL_CONE,
            NatPresets.PORT_RESTRICTED_CONE, NatPresets.SYMMETRIC, NatPresets.LINUX_MASQUERADE,
            NatPresets.SYMMETRIC.withAllocation(new PortAllocation.Sequential(1)).withCap(5, CapPolicy.DROP_NEW), NatPresets.CGNAT);

    /** Outbound and inbound packets from a small pool, so mappings are reused, refreshed, filtered and expire. */
    private static List<String> traffic(NatTable table, long seed, long start) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<String> verdicts = new ArrayList<>();
        long now = start;
        for (int i = 0; i < 300; i++) {
            now += rng.nextInt(20) * 1_000_000_000L;
            Endpoint internal = new Endpoint(Endpoint.of("10.0.0.0", 0).ip() + 1 + rng.nextInt(3), 5000 + rng.nextInt(3));
            Endpoint remote = new Endpoint(Endpoint.of("198.51.100.0", 0).ip() + rng.nextInt(4), 3000 + rng.nextInt(4));
            if (rng.nextBoolean()) {
                verdicts.add(table.outbound(now, internal, remote).toString());
            } else {
                verdicts.add(table.inbound(now, remote, new Endpoint(EXTERNAL_IP, 1024 + rng.nextInt(64512))).toString());
            }
        }
        verdicts.add("peak " + table.peakMappings() + ", live " + table.mappingCount(now));
        return verdicts;
    }

    @Test
    void aTableStartedOverAnswersAsANewOne() {
        for (NatBehaviour before : BEHAVIOURS) {
            for (NatBehaviour after : BEHAVIOURS) {
                UniformRandomProvider reused = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
                NatTable table = new NatTable(before, List.of(EXTERNAL_IP), reused);
                traffic(table, 1, 0);
                table.reset(after);
                // The fresh table draws from a generator in the state the reused one is in now.
                UniformRandomProvider fresh = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
                traffic(new NatTable(before, List.of(EXTERNAL_IP), fresh), 1, 0);
                List<String> expected = traffic(new NatTable(after, List.of(EXTERNAL_IP), fresh), 2, 0);
                assertThat(traffic(table, 2, 0)).as("%s then %s", before, after).isEqualTo(expected);
            }
        }
    }
}
