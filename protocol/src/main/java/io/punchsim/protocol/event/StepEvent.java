package io.punchsim.protocol.event;

/**
 * One step of the connection process as it happened: when, by whom, which step, and a short
 * human-readable detail (addresses, attempt number, outcome).
 */
public record StepEvent(long atNanos, Role role, Step step, String detail) {}
