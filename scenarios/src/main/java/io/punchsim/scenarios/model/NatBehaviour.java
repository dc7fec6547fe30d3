package io.punchsim.scenarios.model;

import java.util.Optional;

/**
 * RFC 4787 behaviours of one NAT. Each field is optional so that a preset can be partly
 * overridden; {@link CustomNat} says when they are all present.
 */
public record NatBehaviour(
        Optional<Behaviour> mapping,
        Optional<Behaviour> filtering,
        Optional<PortAllocation> allocation,
        Optional<Integer> portStep,
        Optional<PortRange> portRange,
        Optional<Long> lifetimeNanos,
        Optional<Boolean> inboundRefresh,
        Optional<Boolean> hairpinning,
        Optional<Integer> externalAddresses,
        Optional<Pooling> pooling,
        Optional<Integer> maxMappings,
        Optional<OnFull> onFull) {

    /** Endpoint dependence of a mapping or a filter. */
    public enum Behaviour {
        ENDPOINT_INDEPENDENT("endpoint-independent"),
        ADDRESS_DEPENDENT("address-dependent"),
        ADDRESS_AND_PORT_DEPENDENT("address-and-port-dependent");

        private final String key;

        Behaviour(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public enum PortAllocation { PRESERVE, SEQUENTIAL, RANDOM }

    public enum Pooling { PAIRED, ARBITRARY }

    public enum OnFull { DROP, EVICT_OLDEST }

    /** Inclusive external port range. */
    public record PortRange(int low, int high) {
    }
}
