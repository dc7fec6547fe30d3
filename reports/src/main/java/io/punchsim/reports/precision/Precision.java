package io.punchsim.reports.precision;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Measurement;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.stats.Proportion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs to a precision instead of a seed count: a point runs whole batches of seeds in seed order
 * (run {@code i} uses seed {@code root-seed + i}) and, after each batch, stops when the 95% Wilson
 * half-width of every listed rate is at most {@link #halfWidth}, or when {@link #maxSeeds} seeds have
 * run. The rule reads only the aggregate of the batches before it, and aggregates merge exactly, so
 * where a point stops does not depend on how its runs were spread over threads or machines.
 *
 * <p>The half-width is half the interval's width, {@code (upper - lower) / 2}; Wilson intervals are
 * not symmetric around the estimate, so this is the figure that shrinks as {@code 1/√n}.
 *
 * @param halfWidth the largest half-width accepted, in (0, 0.5]
 * @param metrics   the rates judged, each a rate metric of the registry, in registry order
 * @param batch     seeds per batch, at least 1
 * @param maxSeeds  the most seeds a point runs, at least 1 (the last batch is cut to it)
 */
public record Precision(double halfWidth, List<Metric> metrics, long batch, long maxSeeds) {

    public static final long DEFAULT_BATCH = 2048;
    public static final long DEFAULT_MAX_SEEDS = 1_000_000;
    /** The widest a Wilson 95% interval can be is [0, 1]; a half-width of 0.5 accepts anything. */
    public static final double MAX_HALF_WIDTH = 0.5;
    /** Wilson intervals are computed over int counts. */
    public static final long MAX_SEEDS_LIMIT = Integer.MAX_VALUE;

    public Precision {
        if (!(halfWidth > 0 && halfWidth <= MAX_HALF_WIDTH)) {
            throw new IllegalArgumentException("a half-width is in (0, 0.5], got " + halfWidth);
        }
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a precision needs at least one rate metric");
        }
        for (Metric m : metrics) {
            if (!m.isRate()) {
                throw new IllegalArgumentException("metric " + m.key() + " is not a rate: only rates have a Wilson half-width");
            }
        }
        if (metrics.stream().distinct().count() != metrics.size()) {
            throw new IllegalArgumentException("a metric is listed twice: " + metrics);
        }
        if (batch < 1 || maxSeeds < 1 || maxSeeds > MAX_SEEDS_LIMIT) {
            throw new IllegalArgumentException("batch must be at least 1 and max-seeds in 1.." + MAX_SEEDS_LIMIT
                    + ", got " + batch + " and " + maxSeeds);
        }
    }

    /** Every rate metric of the registry: what a precision may judge. */
    public static List<Metric> rateMetrics() {
        return Metrics.all().stream().filter(Metric::isRate).toList();
    }

    /**
     * The rates judged unless a file lists others, as {@code --precision} asks: those over runs. The
     * session rates are the same figures when a session has one client, and can be listed.
     */
    public static List<Metric> defaultMetrics() {
        return rateMetrics().stream().filter(m -> !Metrics.ofSessions(m)).toList();
    }

    /** The same batches and cap, judging the default rates at {@code halfWidth}. */
    public Precision everyRate(double halfWidth) {
        return new Precision(halfWidth, defaultMetrics(), batch, maxSeeds);
    }

    /** The half-width of one listed rate at a point: half the Wilson 95% interval's width. */
    public static double halfWidth(Metric rate, PointAggregate point) {
        Proportion p = ((Measurement.Share) rate.measure(point)).proportion();
        return (p.upper() - p.lower()) / 2;
    }

    /** Every listed rate's half-width at a point, in list order. */
    public Map<Metric, Double> halfWidths(PointAggregate point) {
        Map<Metric, Double> widths = new LinkedHashMap<>();
        metrics.forEach(m -> widths.put(m, halfWidth(m, point)));
        return widths;
    }

    /** Whether every listed rate is precise enough; never with no runs. */
    public boolean met(PointAggregate point) {
        return point.runs() > 0 && metrics.stream().allMatch(m -> halfWidth(m, point) <= halfWidth);
    }

    /**
     * Why a point whose runs so far are {@code point} (whole batches, in seed order) stops now, or
     * empty when it runs another batch.
     */
    public Optional<PrecisionStop.Reason> stop(PointAggregate point) {
        if (met(point)) {
            return Optional.of(PrecisionStop.Reason.PRECISE);
        }
        if (point.seeds() >= maxSeeds) {
            return Optional.of(PrecisionStop.Reason.MAX_SEEDS);
        }
        return Optional.empty();
    }

    /** The end (exclusive) of the batch that starts after {@code seeds} runs. */
    public long batchEnd(long seeds) {
        return Math.min(maxSeeds, seeds + batch);
    }

    /** How many batches {@code seeds} runs make, the last possibly cut short by the cap. */
    public long batches(long seeds) {
        return (seeds + batch - 1) / batch;
    }

    /**
     * A guess at the seeds the point will have run when it stops, for progress bars: a half-width
     * shrinks as 1/√n, so the widest listed rate needs about n × (width / target)² seeds, in whole
     * batches, within the cap. Never used to decide anything.
     */
    public long projectedSeeds(PointAggregate point) {
        long n = point.seeds();
        if (n == 0) {
            return batchEnd(0);
        }
        if (stop(point).isPresent()) {
            return n;
        }
        double worst = 1;
        for (Metric m : metrics) {
            double ratio = halfWidth(m, point) / halfWidth;
            worst = Math.max(worst, ratio * ratio);
        }
        double needed = Math.ceil(n * worst / batch) * batch;
        return Math.max(batchEnd(n), (long) Math.min(maxSeeds, needed));
    }

    /** In words, e.g. {@code direct-rate and success-rate to a 95% half-width of 0.5%, in batches of 2048 seeds, at most 1000000}. */
    public String describe() {
        List<String> keys = metrics.stream().map(Metric::key).toList();
        String names = keys.size() == 1 ? keys.get(0)
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1);
        return names + " to a 95% half-width of " + percent(halfWidth) + ", in batches of " + batch + " seeds, at most "
                + maxSeeds + " seeds a point";
    }

    /** A fraction as a percentage without trailing zeros, e.g. {@code 0.5%}. */
    public static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString() + "%";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Precision[halfWidth=%s, metrics=%s, batch=%d, maxSeeds=%d]", halfWidth,
                metrics.stream().map(Metric::key).collect(Collectors.joining(",")), batch, maxSeeds);
    }
}
