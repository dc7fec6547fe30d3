package io.punchsim.reports.metric;

/**
 * What a metric's values count. Values are held and written to {@code report.json} in the unit
 * itself (times in integer nanoseconds); gates and comparisons state them in the reported unit
 * (times in seconds), which is what a scenario file's bound and {@code compare.json} use.
 */
public enum Unit {
    /** A share of runs in [0, 1]. */
    FRACTION("fraction", "", 1),
    NANOSECONDS("seconds", " s", 1e9),
    BYTES("bytes", " bytes", 1),
    PACKETS("packets", " packets", 1),
    COUNT("count", "", 1);

    private final String reportedAs;
    private final String suffix;
    private final double perReported;

    Unit(String reportedAs, String suffix, double perReported) {
        this.reportedAs = reportedAs;
        this.suffix = suffix;
        this.perReported = perReported;
    }

    /** The name of the reported unit, e.g. {@code seconds}. */
    public String reportedAs() {
        return reportedAs;
    }

    /** Written after a reported value, e.g. {@code " s"}; empty for fractions and counts. */
    public String suffix() {
        return suffix;
    }

    /** A value in this unit in the reported unit (nanoseconds to seconds); a division, as bounds have always been converted. */
    public double toReported(double value) {
        return value / perReported;
    }

    /** A value in the reported unit back in this unit. */
    public double fromReported(double reported) {
        return reported * perReported;
    }
}
