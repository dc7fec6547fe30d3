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
 * @param roundTripNanos round-trip time of each echoed game update sent on the final path, in order
 *        of arrival (with relay-first, after the upgrade if there was one)
 * @param finished whether the client has nothing more to do
 * @param upgradeFromK1Nanos relay-first: from K1 to the direct accept that moved a relayed connection
 *        to the direct path (the outcome is then DIRECT); -1 when no upgrade happened
 * @param roundTripBeforeUpgradeNanos relay-first: round trips of the game updates sent through the
 *        relay before the upgrade; empty unless upgraded
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
        boolean finished,
        long upgradeFromK1Nanos,
        List<Long> roundTripBeforeUpgradeNanos) {

    public ConnectionResult {
        roundTripNanos = List.copyOf(roundTripNanos);
        roundTripBeforeUpgradeNanos = List.copyOf(roundTripBeforeUpgradeNanos);
    }

    /** Whether a relayed connection moved to the direct path (relay-first). */
    public boolean upgraded() {
        return upgradeFromK1Nanos >= 0;
    }

    public boolean connected() {
        return outcome == Outcome.DIRECT || outcome == Outcome.RELAYED;
    }
}
