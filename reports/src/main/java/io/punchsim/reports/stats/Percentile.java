package io.punchsim.reports.stats;

import org.HdrHistogram.Histogram;

/**
 * The percentiles every report states for a distribution, in this order. One set for every format,
 * so a figure in the Markdown summary is always also in {@code report.json} and {@code report.csv}.
 */
public enum Percentile {
    P50("p50", 50),
    P90("p90", 90),
    P95("p95", 95),
    P99("p99", 99),
    MAX("max", 100);

    private final String label;
    private final double percentile;

    Percentile(String label, double percentile) {
        this.label = label;
        this.percentile = percentile;
    }

    /** e.g. {@code p95}; the maximum is {@code max}. */
    public String label() {
        return label;
    }

    /** 0..100; the maximum is 100. */
    public double percentile() {
        return percentile;
    }

    /** The value at this percentile (nearest rank, to the histogram's precision); -1 when the histogram is empty. */
    public long of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return -1;
        }
        return this == MAX ? h.getMaxValue() : h.getValueAtPercentile(percentile);
    }
}
