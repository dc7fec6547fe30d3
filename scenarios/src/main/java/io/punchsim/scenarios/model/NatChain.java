package io.punchsim.scenarios.model;

import java.util.List;
import java.util.stream.Collectors;

/** NATs in series, from the peer outward: e.g. a home NAT behind a carrier-grade NAT. */
public record NatChain(List<NatSpec> hops) implements NatSpec {
    public NatChain {
        hops = List.copyOf(hops);
    }

    @Override
    public String label() {
        return hops.stream().map(NatSpec::label).collect(Collectors.joining(">"));
    }
}
