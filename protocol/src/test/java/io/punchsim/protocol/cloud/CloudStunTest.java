package io.punchsim.protocol.cloud;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.harness.World;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.StunWire;
import org.junit.jupiter.api.Test;

/**
 * The cloud answers STUN Binding requests (for birthday punching's view of a member's mapping),
 * but only a member's: the answer is larger than the request, so a stranger, whose source may be
 * forged, gets nothing (SPEC 2.9).
 */
class CloudStunTest {

    private static final long SEED = 11;
    private static final Endpoint STRANGER = Endpoint.parse("198.18.0.9:6666");
    private static final byte[] TRANSACTION = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    @Test
    void aMemberLearnsWhereTheCloudSeesItAndAStrangerGetsNothing() {
        World w = new World(World.TIMED, SEED);
        w.net.start(World.CLOUD, 0);
        w.net.start(World.STUN, 0);
        w.net.start(World.HOST, 0);
        w.net.runUntil(() -> w.event(Role.HOST, Step.H11).isPresent(), 60_000 * MS);

        w.net.inject(STRANGER, World.CLOUD, StunWire.bindingRequest(TRANSACTION));
        w.net.inject(World.HOST, World.CLOUD, StunWire.bindingRequest(TRANSACTION));
        w.net.runFor(w.net.now() + 100 * MS);

        assertThat(w.net.packets()).as("seed %d", SEED).noneMatch(p -> p.to().equals(STRANGER));
        assertThat(w.net.packets().stream().filter(p -> p.from().equals(World.CLOUD) && p.to().equals(World.HOST))
                .map(p -> StunWire.mappedAddress(p.payload(), TRANSACTION)).flatMap(java.util.Optional::stream))
                .as("seed %d", SEED).containsExactly(World.HOST);
    }
}
