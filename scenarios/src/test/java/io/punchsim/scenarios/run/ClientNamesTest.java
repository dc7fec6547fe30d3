package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A trace tells a client's node from the nodes around it by its name: the index and the name are inverses. */
class ClientNamesTest {

    @Test
    void everyClientsNameGivesBackItsIndex() {
        for (int k = 0; k < 255; k++) {
            String name = RunObserver.clientName(k);
            assertThat(RunObserver.clientIndex(name)).as(name).isEqualTo(k);
        }
        assertThat(RunObserver.clientName(0)).isEqualTo("client");
        assertThat(RunObserver.clientName(2)).isEqualTo("client-3");
    }

    @Test
    void theNodesAroundAClientAreNoClients() {
        for (String node : new String[] {"host", "cloud", "stun", "client-1", "client-02", "client-", "client-2-nat-0",
                "client-edge", "client-nat-0", "client-3-lan", "client-99999999999", "shared-carrier"}) {
            assertThat(RunObserver.clientIndex(node)).as(node).isEqualTo(-1);
        }
    }
}
