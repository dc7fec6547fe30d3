package io.punchsim.scenarios.model;

/** Parameters of the connection process (SPEC section 2). */
public record ProtocolSpec(
        long attemptIntervalNanos,
        int attemptLimit,
        double directFraction,
        long pingIntervalNanos,
        long listenTimeoutNanos,
        long stunRtoNanos,
        int stunMaxRequests,
        long cloudRtoNanos,
        int cloudMaxRetransmits,
        long cloudKeepaliveNanos,
        VariantsSpec variants,
        NoSession noSession,
        GamePhase gamePhase) {

    /** What a joining client does when the cloud has no open session. */
    public record NoSession(int retries, long backoffNanos) {
    }

    /** The game-update phase after connecting. */
    public record GamePhase(boolean enabled, double tickRateHz, long lengthNanos) {
    }
}
