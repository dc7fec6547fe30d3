package io.punchsim.realnet.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.DiscoveryResult;
import io.punchsim.protocol.stun.FilteringBehaviour;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Our STUN server and our client over real loopback sockets, where there is no NAT to hide anything. */
class StunServiceTest {

    @Test
    void aBindingRequestLearnsTheAddressTheKernelBoundItTo() throws Exception {
        try (ServerHarness servers = new ServerHarness()) {
            List<Endpoint> bound = new StunService(Endpoint.parse("127.0.0.1:0"), null, "punchsim").open(servers.loop);
            servers.startLoop();

            ServerHarness.Binding binding = ServerHarness.bind(bound.get(0), "127.0.0.1");

            assertThat(binding.mapped()).contains(binding.local());
        }
    }

    @Test
    void rfc5780ModeBindsFourSocketsAndDiscoveryFindsNoNatOnLoopback() throws Exception {
        // Linux routes all of 127.0.0.0/8 to the loopback interface, so 127.0.0.2 is a second address.
        int primaryPort = ServerHarness.freeUdpPort("127.0.0.1");
        int alternatePort = ServerHarness.freeUdpPort("127.0.0.2");
        Endpoint primary = ServerHarness.endpoint("127.0.0.1", primaryPort);
        Endpoint alternate = ServerHarness.endpoint("127.0.0.2", alternatePort);
        try (ServerHarness servers = new ServerHarness()) {
            List<Endpoint> bound = new StunService(primary, alternate, "punchsim").open(servers.loop);
            servers.startLoop();
            assertThat(bound).containsExactlyInAnyOrder(primary, alternate,
                    ServerHarness.endpoint("127.0.0.1", alternatePort), ServerHarness.endpoint("127.0.0.2", primaryPort));

            Optional<DiscoveryResult> result = Classification.discover(primary, Endpoint.parse("127.0.0.1:0"),
                    Classification.DEFAULT_SCHEDULE);

            // No NAT and no firewall on loopback: every answer, from any address, arrives.
            assertThat(result).get().isInstanceOfSatisfying(DiscoveryResult.NoNat.class,
                    noNat -> assertThat(noNat.filtering()).isEqualTo(FilteringBehaviour.ENDPOINT_INDEPENDENT));
        }
    }

    @Test
    void rfc5780ModeRejectsAnAlternateThatSharesAddressOrPort() {
        assertThatThrownBy(() -> new StunService(Endpoint.parse("127.0.0.1:3478"), Endpoint.parse("127.0.0.1:3479"), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--other");
        assertThatThrownBy(() -> new StunService(Endpoint.parse("127.0.0.1:0"), Endpoint.parse("127.0.0.2:3479"), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explicit ports");
    }
}
