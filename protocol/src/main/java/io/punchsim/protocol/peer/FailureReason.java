package io.punchsim.protocol.peer;

/** Why a connection failed; {@code NONE} unless the outcome is {@code FAILED}. */
public enum FailureReason {
    NONE, NO_SESSION, STUN_FAILED, CLOUD_UNREACHABLE, ATTEMPTS_EXHAUSTED
}
