package io.punchsim.reports.outcome;

/**
 * What one simulated run produced. The runner makes one per seed and hands it to an aggregate; it is
 * never kept.
 *
 * @param seed                the run's seed, so the digest tells runs apart
 * @param outcome             direct, relayed or failed
 * @param failureReason       {@link FailureReason#NONE} unless the run failed
 * @param connectNanosFromK1  time from K1 (peer addresses at the client) to the accepted connection; -1 when failed
 * @param connectNanosFromStart time from the client's start (C1); -1 when failed
 * @param attemptIndex        index of the attempt that succeeded (0 = the attempt sent at K1); -1 when failed
 * @param hostNat             host NAT preset name, or {@code custom}
 * @param clientNat           client NAT preset name, or {@code custom}
 * @param traffic             packets and bytes sent, by kind
 * @param relayedBytes        bytes the cloud relayed for this run
 * @param rtt                 the game phase's round-trip times, {@link RttSummary#NONE} when there were none;
 *                            for an upgraded run, those after the upgrade (on the direct path)
 * @param upgradeNanosFromK1  relay-first: time from K1 to the direct accept that moved the relayed
 *                            connection to the direct path (the outcome is then DIRECT, and the
 *                            connect times are the relayed connection's); -1 when not upgraded
 * @param rttBeforeUpgrade    an upgraded run's round-trip times through the relay before the
 *                            upgrade; {@link RttSummary#NONE} otherwise
 */
public record RunOutcome(
        long seed,
        Outcome outcome,
        FailureReason failureReason,
        long connectNanosFromK1,
        long connectNanosFromStart,
        int attemptIndex,
        String hostNat,
        String clientNat,
        TrafficCounts traffic,
        long relayedBytes,
        RttSummary rtt,
        long upgradeNanosFromK1,
        RttSummary rttBeforeUpgrade) {

    public RunOutcome {
        if (outcome == null || failureReason == null || hostNat == null || clientNat == null || traffic == null || rtt == null
                || rttBeforeUpgrade == null) {
            throw new IllegalArgumentException("run outcome fields must not be null (seed " + seed + ")");
        }
        boolean failed = outcome == Outcome.FAILED;
        if (failed == (failureReason == FailureReason.NONE)) {
            throw new IllegalArgumentException("outcome " + outcome + " does not agree with failure reason " + failureReason + " (seed " + seed + ")");
        }
        if (failed && (connectNanosFromK1 != -1 || connectNanosFromStart != -1 || attemptIndex != -1)) {
            throw new IllegalArgumentException("a failed run has connect times and attempt index -1 (seed " + seed + ")");
        }
        if (!failed && (connectNanosFromK1 < 0 || connectNanosFromStart < connectNanosFromK1 || attemptIndex < 0)) {
            throw new IllegalArgumentException("a connected run needs 0 <= fromK1 <= fromStart and attemptIndex >= 0 (seed " + seed + ")");
        }
        if (relayedBytes < 0) {
            throw new IllegalArgumentException("relayed bytes must be non-negative (seed " + seed + ")");
        }
        if (upgradeNanosFromK1 != -1 && (outcome != Outcome.DIRECT || upgradeNanosFromK1 < connectNanosFromK1)) {
            throw new IllegalArgumentException("an upgrade is a direct run's, no earlier than its relayed connection (seed " + seed + ")");
        }
        if (upgradeNanosFromK1 == -1 && !rttBeforeUpgrade.isEmpty()) {
            throw new IllegalArgumentException("round trips before an upgrade need an upgrade (seed " + seed + ")");
        }
    }

    /** A run without an upgrade (every process but relay-first's). */
    public RunOutcome(long seed, Outcome outcome, FailureReason failureReason, long connectNanosFromK1,
                      long connectNanosFromStart, int attemptIndex, String hostNat, String clientNat, TrafficCounts traffic,
                      long relayedBytes, RttSummary rtt) {
        this(seed, outcome, failureReason, connectNanosFromK1, connectNanosFromStart, attemptIndex, hostNat, clientNat,
                traffic, relayedBytes, rtt, -1, RttSummary.NONE);
    }

    /** Whether a relayed connection moved to the direct path (relay-first). */
    public boolean upgraded() {
        return upgradeNanosFromK1 != -1;
    }

    /** This run, upgraded from the relay to the direct path at {@code fromK1}, with the relay's round trips before. */
    public RunOutcome withUpgrade(long fromK1, RttSummary before) {
        return new RunOutcome(seed, outcome, failureReason, connectNanosFromK1, connectNanosFromStart, attemptIndex,
                hostNat, clientNat, traffic, relayedBytes, rtt, fromK1, before);
    }

    /** A run that connected, directly or through the relay. */
    public static RunOutcome connected(long seed, Outcome outcome, long connectNanosFromK1, long connectNanosFromStart,
                                       int attemptIndex, String hostNat, String clientNat, TrafficCounts traffic,
                                       long relayedBytes, RttSummary rtt) {
        return new RunOutcome(seed, outcome, FailureReason.NONE, connectNanosFromK1, connectNanosFromStart, attemptIndex,
                hostNat, clientNat, traffic, relayedBytes, rtt);
    }

    /** A run that never connected. */
    public static RunOutcome failed(long seed, FailureReason reason, String hostNat, String clientNat,
                                    TrafficCounts traffic, long relayedBytes) {
        return new RunOutcome(seed, Outcome.FAILED, reason, -1, -1, -1, hostNat, clientNat, traffic, relayedBytes, RttSummary.NONE);
    }
}
