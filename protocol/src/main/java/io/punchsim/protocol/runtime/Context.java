package io.punchsim.protocol.runtime;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.net.Endpoint;
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
}
