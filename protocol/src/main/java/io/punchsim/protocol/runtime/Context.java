package io.punchsim.protocol.runtime;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Everything a protocol state machine may use of the world. The simulator implements it on virtual
 * time and a virtual network, the real-socket runtime on a UDP socket and the monotonic clock; the
 * state machines cannot tell which.
 */
public interface Context {

    /** Current time in nanoseconds (virtual in the simulator, monotonic on real sockets). */
    long now();

    /** The address the machine's socket is bound to (step H8/C8 reads it). */
    Endpoint localAddress();

    /** Sends one datagram from the machine's socket. The array must not be modified afterwards. */
    void send(Endpoint to, byte[] payload);

    /**
     * Runs {@code action} at time {@code atNanos} on the machine's own thread of control.
     *
     * @return a handle for {@link #cancelTimer(long)}
     */
    long setTimer(long atNanos, Runnable action);

    /** Cancels a pending timer; a no-op if it already fired or was cancelled. */
    void cancelTimer(long handle);

    /** The machine's random source: seeded per run in the simulator, from the OS on real sockets. */
    RandomGenerator random();

    /** Reports a step of the connection process (for timelines, traces and outcomes). */
    void emit(StepEvent event);

    /**
     * Whether anyone reads the details of the steps. When not (a sweep of many runs), a machine may
     * emit its steps with an empty detail instead of formatting addresses nobody will see.
     */
    default boolean recording() {
        return true;
    }

    /**
     * Where the machine's gateway answers port-mapping requests (NAT-PMP's port on the router in
     * front of the socket), if the runtime knows one. Nothing need answer there.
     */
    default Optional<Endpoint> gateway() {
        return Optional.empty();
    }

    /**
     * Opens up to {@code count} more sockets on the machine's local address, numbered 1, 2, …
     * after the machine's own (0), each on a port of the runtime's choosing; what arrives on socket
     * {@code k} goes to {@code receiver} with {@code k}. A runtime that cannot open more opens fewer.
     *
     * @return how many were opened
     */
    default int openSockets(int count, SocketReceiver receiver) {
        return 0;
    }

    /** Sends one datagram from socket {@code socket} (0 is the machine's own, see {@link #openSockets}). */
    default void sendFrom(int socket, Endpoint to, byte[] payload) {
        if (socket != 0) {
            throw new IllegalArgumentException("no socket " + socket);
        }
        send(to, payload);
    }

    /** What receives the datagrams of the sockets a machine opened beyond its own. */
    @FunctionalInterface
    interface SocketReceiver {
        void onDatagram(int socket, Endpoint source, byte[] payload);
    }
}
