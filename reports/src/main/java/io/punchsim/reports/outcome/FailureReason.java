package io.punchsim.reports.outcome;

/** Why a run failed; {@link #NONE} for runs that connected. */
public enum FailureReason {
    NONE,
    NO_SESSION,
    STUN_FAILED,
    CLOUD_UNREACHABLE,
    ATTEMPTS_EXHAUSTED,
    /** A client the cloud refused: its session already held its capacity of players. */
    SESSION_FULL
}
