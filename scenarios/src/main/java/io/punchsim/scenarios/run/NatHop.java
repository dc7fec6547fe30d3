package io.punchsim.scenarios.run;

import io.punchsim.nat.NatBehaviour;
import io.punchsim.nat.NatMode;

/**
 * One middlebox between a peer and the internet, resolved from the scenario: how it behaves and how
 * many external addresses it owns.
 */
record NatHop(NatBehaviour behaviour, int externalAddresses) {

    boolean translates() {
        return behaviour.mode() == NatMode.TRANSLATE;
    }

    /** An {@code open} hop changes nothing, so it gets no node at all. */
    boolean isPassThrough() {
        return behaviour.mode() == NatMode.OPEN;
    }
}
