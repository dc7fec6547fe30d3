package io.punchsim.sim.net;

/**
 * A UDP datagram in flight: real payload bytes between two endpoints.
 *
 * <p>Immutable by convention: nodes that rewrite addresses (NATs) make a new datagram with
 * {@link #withSource} or {@link #withDestination}; the payload array is shared and must not be
 * modified after sending. {@code id} identifies the original send, so a trace can follow a datagram
 * across hops and translations; duplicates made by a link keep the id.
 */
public record Datagram(long id, Endpoint source, Endpoint destination, byte[] payload) {

    public Datagram withSource(Endpoint newSource) {
        return new Datagram(id, newSource, destination, payload);
    }

    public Datagram withDestination(Endpoint newDestination) {
        return new Datagram(id, source, newDestination, payload);
    }

    public Datagram withAddresses(Endpoint newSource, Endpoint newDestination) {
        return new Datagram(id, newSource, newDestination, payload);
    }

    @Override
    public String toString() {
        return "Datagram#" + id + "[" + source + " -> " + destination + ", " + payload.length + " bytes]";
    }
}
