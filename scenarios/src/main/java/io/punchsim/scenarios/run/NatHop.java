package io.punchsim.scenarios.run;

import io.punchsim.nat.NatBehaviour;
import io.punchsim.nat.NatMode;

/**
 * One middlebox between a peer and the internet, resolved from the scenario: how it behaves, how
 * many external addresses it owns, and the name of the shared NAT it is ({@code null} for a NAT of
 * the peer's own).
 */
record NatHop(NatBehaviour behaviour, int externalAddresses, String shared) {

    NatHop(NatBehaviour behaviour, int externalAddresses) {
        this(behaviour, externalAddresses, null);
    }

    boolean translates() {
        return behaviour.mode() == NatMode.TRANSLATE;
    }

    /** An {@code open} hop changes nothing, so it gets no node at all. */
    boolean isPassThrough() {
        return behaviour.mode() == NatMode.OPEN;
    }
}
