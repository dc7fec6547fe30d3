package io.punchsim.reports.outcome;

/** How a run ended, fixed by the first {@code ConnectAccept} the client receives (or by giving up). */
public enum Outcome {
    DIRECT,
    RELAYED,
    FAILED;

    /** The name used in reports and gates, e.g. {@code direct}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
