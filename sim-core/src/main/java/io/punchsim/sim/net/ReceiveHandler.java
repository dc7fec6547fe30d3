package io.punchsim.sim.net;

/** What a socket does with each datagram delivered to it. */
@FunctionalInterface
public interface ReceiveHandler {
    void receive(Datagram datagram);
}
