package io.punchsim.nat;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.net.DropReason;
import io.punchsim.sim.net.Endpoint;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * A granted mapping is a port forwarding (RFC 6886 section 3.3, UPnP IGD's AddPortMapping): every
 * remote reaches the inside endpoint on it, and the endpoint's new flows leave through it, whatever
 * the NAT's own mapping and filtering; flows mapped before the grant keep their mappings.
 */
class PortMappingServiceTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int EXTERNAL_IP = Endpoint.of("203.0.113.1", 0).ip();
    private static final Endpoint INSIDE = Endpoint.of("10.0.0.2", 4000);
    private static final Endpoint STUN = Endpoint.of("192.0.2.20", 3478);
    private static final NatVerdict FILTERED = new NatVerdict.Drop(DropReason.FILTERED);

    private static NatTable table(NatBehaviour behaviour) {
        return new NatTable(behaviour, List.of(EXTERNAL_IP), RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
    }

    private static Endpoint remote(int i) {
        return new Endpoint(Endpoint.of("198.51.100.0", 0).ip() + i, 3000 + i);
    }

    @Test
    void aSymmetricNatThatGrantsAMappingLetsEveryRemoteInAndSendsNewFlowsOutThroughIt() {
        NatTable table = table(NatPresets.SYMMETRIC.withPortMapping(PortMapping.UPNP));
        NatVerdict towardStun = table.outbound(0, INSIDE, STUN);
        Endpoint stunMapping = ((NatVerdict.Pass) towardStun).source();

        Endpoint granted = table.grantMapping(SECOND, INSIDE);

        // The inside port was free on the external address: the grant keeps it.
        assertThat(granted).isEqualTo(new Endpoint(EXTERNAL_IP, INSIDE.port()));
        assertThat(table.grantMapping(2 * SECOND, INSIDE)).as("asking again").isEqualTo(granted);
        for (int i = 1; i <= 5; i++) {
            assertThat(table.inbound(3 * SECOND, remote(i), granted)).as("unsolicited from remote %d", i)
                    .isEqualTo(new NatVerdict.Pass(remote(i), INSIDE, false));
            assertThat(((NatVerdict.Pass) table.outbound(3 * SECOND, INSIDE, remote(i))).source())
                    .as("a new flow toward remote %d", i).isEqualTo(granted);
        }
        // The flow toward the STUN server had its own mapping before the grant and keeps it.
        assertThat(((NatVerdict.Pass) table.outbound(4 * SECOND, INSIDE, STUN)).source()).isEqualTo(stunMapping);
        // Hours later, with no traffic at all, the grant still holds; a reboot forgets it.
        assertThat(table.inbound(10_000 * SECOND, remote(9), granted)).isEqualTo(new NatVerdict.Pass(remote(9), INSIDE, false));
        table.dropAllMappings();
        assertThat(table.inbound(10_001 * SECOND, remote(9), granted)).isEqualTo(FILTERED);
    }

    @Test
    void anEndpointIndependentNatGrantsTheMappingTheEndpointHasAndOpensItsFilter() {
        NatTable table = table(NatPresets.PORT_RESTRICTED_CONE.withPortMapping(PortMapping.NAT_PMP));
        Endpoint mapped = ((NatVerdict.Pass) table.outbound(0, INSIDE, STUN)).source();
        assertThat(table.inbound(SECOND, remote(1), mapped)).as("before the grant").isEqualTo(FILTERED);
        assertThat(table.grantMapping(SECOND, INSIDE)).isEqualTo(mapped);
        assertThat(table.inbound(SECOND, remote(1), mapped)).isEqualTo(new NatVerdict.Pass(remote(1), INSIDE, false));
    }

    @Test
    void aNatWithoutTheServiceGrantsNothingAndATakenPortIsNotGrantedTwice() {
        assertThat(table(NatPresets.SYMMETRIC).grantMapping(0, INSIDE)).isNull();
        NatTable table = table(NatPresets.SYMMETRIC.withPortMapping(PortMapping.PCP)
                .withAllocation(PortAllocation.preserveThenSequential()).withPorts(new PortRange(4000, 4001)));
        Endpoint other = Endpoint.of("10.0.0.3", 4000);
        // Another inside host's flow holds external port 4000: the grant takes the other port.
        assertThat(((NatVerdict.Pass) table.outbound(0, other, STUN)).source().port()).isEqualTo(4000);
        assertThat(table.grantMapping(SECOND, INSIDE)).isEqualTo(new Endpoint(EXTERNAL_IP, 4001));
        // No port is left for a third.
        assertThat(table.grantMapping(SECOND, Endpoint.of("10.0.0.4", 4000))).isNull();
    }
}
