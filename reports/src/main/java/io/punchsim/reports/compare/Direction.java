package io.punchsim.reports.compare;

/** Whether a metric moved the good way, the bad way, or not at all. */
public enum Direction {
    BETTER,
    WORSE,
    UNCHANGED
}
