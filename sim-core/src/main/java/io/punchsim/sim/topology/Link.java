package io.punchsim.sim.topology;

import io.punchsim.sim.link.LinkSpec;

/**
 * A link of the topology between nodes {@code a} and {@code b}; its spec's forward direction is a to b.
 * {@code routingPenalty} (nanoseconds, usually 0) is added to the link's weight when routes are
 * computed, without delaying anything: it lets a topology say that a path crossing fewer such links
 * is preferred whatever the latencies, as between the sites of a scenario. {@code label} is what
 * streams and traces call it: the name, unless the link is one of several copies of which a run uses
 * one (see {@link Topology.Builder#copy}).
 */
public record Link(int index, String name, String label, String a, String b, LinkSpec spec, double routingPenalty) {
}
