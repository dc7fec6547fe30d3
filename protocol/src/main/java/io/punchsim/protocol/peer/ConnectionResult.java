package io.punchsim.protocol.peer;

import java.util.List;

/**
 * What the client knows when a run ends. Times are in nanoseconds of the run's clock; a time or
 * index that does not apply is -1.
 *
 * @param startedAtNanos C1
 * @param k1AtNanos when the client received the host's addresses
 * @param connectFromK1Nanos from K1 to the first {@code ConnectAccept}
 * @param connectFromStartNanos from C1 to the first {@code ConnectAccept}
 * @param attemptIndex the attempt (from 0) the first accept answered
 * @param attemptsSent connection attempts made (direct and relayed rounds counted once each)
 * @param updatesSent game updates sent
 * @param roundTripNanos round-trip time of each echoed game update, in order of arrival
 * @param finished whether the client has nothing more to do
 */
public record ConnectionResult(
        Outcome outcome,
        FailureReason failureReason,
        long startedAtNanos,
        long k1AtNanos,
        long connectFromK1Nanos,
        long connectFromStartNanos,
        int attemptIndex,
        int attemptsSent,
        int updatesSent,
        List<Long> roundTripNanos,
        boolean finished) {

    public ConnectionResult {
        roundTripNanos = List.copyOf(roundTripNanos);
    }

    public boolean connected() {
        return outcome == Outcome.DIRECT || outcome == Outcome.RELAYED;
    }
}
