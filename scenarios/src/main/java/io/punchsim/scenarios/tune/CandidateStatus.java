package io.punchsim.scenarios.tune;

/** Where an evaluated candidate of a tune ended. */
public enum CandidateStatus {
    /** Still running batches (only while the tune runs). */
    RUNNING("running"),
    /** It reached the precision: every listed rate's half-width at most the target. */
    PRECISE("precise"),
    /** It ran max-seeds without reaching the precision. */
    MAX_SEEDS("max-seeds"),
    /** A constraint fails even at its interval's optimistic end: no more seeds could make it pass. */
    INFEASIBLE("infeasible"),
    /** A surely feasible candidate is at least as good on every estimate and better beyond the intervals on one objective. */
    OUTPERFORMED("outperformed"),
    /** The budget ran out before it was done. */
    BUDGET("budget"),
    /** The tune was interrupted before it was done. */
    INTERRUPTED("interrupted");

    private final String key;

    CandidateStatus(String key) {
        this.key = key;
    }

    /** The word in {@code tune.json}. */
    public String key() {
        return key;
    }

    /** Ruled out by the race: it stopped before its precision because it cannot be on the front. */
    public boolean ruledOut() {
        return this == INFEASIBLE || this == OUTPERFORMED;
    }
}
