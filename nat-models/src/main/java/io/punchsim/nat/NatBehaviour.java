package io.punchsim.nat;

import java.util.Objects;

/**
 * Everything that decides how a NAT treats datagrams, each setting independent of the others.
 *
 * @param mode whether the box translates, only filters, passes everything or blocks UDP
 * @param mapping when a new destination gets a new external endpoint (RFC 4787 section 4.1)
 * @param filtering which inbound sources reach a mapping (RFC 4787 section 5)
 * @param allocation how the external port of a new mapping is chosen (RFC 4787 section 4.2)
 * @param ports the external ports allocation draws from
 * @param portReuse whether an external port may serve flows toward different remotes at once
 * @param lifetime idle lifetime and what refreshes it (RFC 4787 section 4.3)
 * @param inboundCreatesEntry an unsolicited inbound datagram leaves an entry of its own that
 *     reserves its (external endpoint, remote) flow, as Linux conntrack does
 * @param hairpinning whether a datagram from inside to the NAT's own external endpoint loops back
 *     (RFC 4787 section 6)
 * @param pooling how an external address is picked when the pool holds several
 * @param maxMappings the most live mappings (including conntrack-style inbound entries)
 * @param onCapReached what happens to a datagram that needs a new mapping when the table is full
 * @param portMapping the port-mapping service the NAT offers its inside hosts ({@code NONE} for
 *     every preset)
 */
public record NatBehaviour(
        NatMode mode,
        MappingBehaviour mapping,
        FilteringBehaviour filtering,
        PortAllocation allocation,
        PortRange ports,
        PortReuse portReuse,
        Lifetime lifetime,
        boolean inboundCreatesEntry,
        boolean hairpinning,
        Pooling pooling,
        int maxMappings,
        CapPolicy onCapReached,
        PortMapping portMapping) {

    /** The behaviour without a port-mapping service. */
    public NatBehaviour(NatMode mode, MappingBehaviour mapping, FilteringBehaviour filtering, PortAllocation allocation,
            PortRange ports, PortReuse portReuse, Lifetime lifetime, boolean inboundCreatesEntry, boolean hairpinning,
            Pooling pooling, int maxMappings, CapPolicy onCapReached) {
        this(mode, mapping, filtering, allocation, ports, portReuse, lifetime, inboundCreatesEntry, hairpinning,
                pooling, maxMappings, onCapReached, PortMapping.NONE);
    }

    public NatBehaviour {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(filtering, "filtering");
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(portReuse, "portReuse");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(onCapReached, "onCapReached");
        Objects.requireNonNull(portMapping, "portMapping");
        if (maxMappings < 1) {
            throw new IllegalArgumentException("maxMappings must be positive: " + maxMappings);
        }
        // Sharing a port across remotes is only unambiguous when each mapping has one remote.
        if (portReuse == PortReuse.PER_REMOTE_ENDPOINT && mapping != MappingBehaviour.ADDRESS_AND_PORT_DEPENDENT) {
            throw new IllegalArgumentException("per-remote port reuse needs address-and-port-dependent mapping");
        }
        if (inboundCreatesEntry && portReuse != PortReuse.PER_REMOTE_ENDPOINT) {
            throw new IllegalArgumentException("inbound entries exist only with per-remote port reuse");
        }
    }

    /**
     * The mapping behaviour that RFC 5780 tests from one inside endpoint observe. With per-flow port
     * reuse and port preservation every flow keeps the inside port while it is free, so such a NAT
     * (Linux MASQUERADE) looks endpoint-independent to them although it keeps a mapping per flow.
     */
    public MappingBehaviour observedMapping() {
        return portReuse == PortReuse.PER_REMOTE_ENDPOINT && allocation instanceof PortAllocation.Preserve
                ? MappingBehaviour.ENDPOINT_INDEPENDENT
                : mapping;
    }

    public NatBehaviour withMode(NatMode value) {
        return new NatBehaviour(value, mapping, filtering, allocation, ports, portReuse, lifetime,
                inboundCreatesEntry, hairpinning, pooling, maxMappings, onCapReached, portMapping);
    }

    public NatBehaviour withMapping(MappingBehaviour value) {
        return new NatBehaviour(mode, value, filtering, allocation, ports, portReuse, lifetime,
                inboundCreatesEntry, hairpinning, pooling, maxMappings, onCapReached, portMapping);
    }

    public NatBehaviour withFiltering(FilteringBehaviour value) {
        return new NatBehaviour(mode, mapping, value, allocation, ports, portReuse, lifetime,
                inboundCreatesEntry, hairpinning, pooling, maxMappings, onCapReached, portMapping);
    }

    public NatBehaviour withAllocation(PortAllocation value) {
        return new NatBehaviour(mode, mapping, filtering, value, ports, portReuse, lifetime,
                inboundCreatesEntry, hairpinning, pooling, maxMappings, onCapReached, portMapping);
    }

    public NatBehaviour withPorts(PortRange value) {
        return new NatBehaviour(mode, mapping, filtering, allocation, value, portReuse, lifetime,
                inboundCreatesEntry, hairpinning, pooling, maxMappings, onCapReached, portMapping);
    }

    public NatBehaviour withLifetime(Lifetime value) {
        return new NatBehaviour(mode, mapping, filtering, allocation, ports, portReuse, value,
                inboundCreatesEntry, hairpinning, pooling, maxMappings, onCapReached, portMapping);
    }

    public NatBehaviour withHairpinning(boolean value) {
        return new NatBehaviour(mode, mapping, filtering, allocation, ports, portReuse, lifetime,
                inboundCreatesEntry, value, pooling, maxMappings, onCapReached, portMapping);
    }

    public NatBehaviour withPooling(Pooling value) {
        return new NatBehaviour(mode, mapping, filtering, allocation, ports, portReuse, lifetime,
                inboundCreatesEntry, hairpinning, value, maxMappings, onCapReached, portMapping);
    }

    public NatBehaviour withCap(int max, CapPolicy policy) {
        return new NatBehaviour(mode, mapping, filtering, allocation, ports, portReuse, lifetime,
                inboundCreatesEntry, hairpinning, pooling, max, policy, portMapping);
    }

    public NatBehaviour withPortMapping(PortMapping value) {
        return new NatBehaviour(mode, mapping, filtering, allocation, ports, portReuse, lifetime,
                inboundCreatesEntry, hairpinning, pooling, maxMappings, onCapReached, value);
    }
}
