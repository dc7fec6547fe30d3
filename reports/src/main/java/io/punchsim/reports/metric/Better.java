package io.punchsim.reports.metric;

/** Which way a metric should move: what {@code compare} calls better or worse. */
public enum Better {
    HIGHER,
    LOWER,
    /** Neither way is better in itself (e.g. packets sent); such a metric is not compared. */
    NONE
}
