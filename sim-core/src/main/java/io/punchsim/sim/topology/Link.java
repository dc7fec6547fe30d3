package io.punchsim.sim.topology;

import io.punchsim.sim.link.LinkSpec;

/** A link of the topology between nodes {@code a} and {@code b}; its spec's forward direction is a to b. */
public record Link(int index, String name, String a, String b, LinkSpec spec) {
}
