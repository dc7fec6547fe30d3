package io.punchsim.protocol.peer;

/**
 * Why a connection failed; {@code NONE} unless the outcome is {@code FAILED}. {@code NO_CLIENT} is
 * the host's alone: no client's request came within the listen timeout from K2.
 * {@code SESSION_FULL} is a client's the cloud refused: the session held its capacity of players.
 */
public enum FailureReason {
    NONE, NO_SESSION, STUN_FAILED, CLOUD_UNREACHABLE, ATTEMPTS_EXHAUSTED, NO_CLIENT, SESSION_FULL
}
