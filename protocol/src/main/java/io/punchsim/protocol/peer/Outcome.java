package io.punchsim.protocol.peer;

/** How a connection ended; {@code PENDING} until the client's outcome is fixed. */
public enum Outcome {
    PENDING, DIRECT, RELAYED, FAILED
}
