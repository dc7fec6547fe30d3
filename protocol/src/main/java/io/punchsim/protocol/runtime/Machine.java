package io.punchsim.protocol.runtime;

import io.punchsim.protocol.net.Endpoint;

/**
 * A protocol role (host, client, cloud, STUN server) as a plain state machine: it is started with
 * the context it may act through, and is told of every datagram that reaches its socket.
 */
public interface Machine {

    /** Called once; the machine keeps the context and may send and set timers from here on. */
    void start(Context context);

    /** A datagram arrived at the machine's socket from {@code source} (the observed source). */
    void onDatagram(Endpoint source, byte[] payload);
}
