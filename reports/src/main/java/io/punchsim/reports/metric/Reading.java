package io.punchsim.reports.metric;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.stats.Percentile;
import io.punchsim.reports.stats.PercentileChangeRule;
import io.punchsim.reports.stats.Proportion;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * How a metric is read from a point's aggregate. The kind also says how {@code compare} tests a
 * change: rates by a two-proportion test, percentiles by the percentile rule; a mean has no test.
 */
public sealed interface Reading {

    Measurement read(PointAggregate point);

    /** The estimate with its 95% interval (see {@link Interval.Kind}); absent when nothing could be measured. */
    Interval interval(PointAggregate point);

    /** A share of runs, with its Wilson 95% interval. */
    record Rate(Function<PointAggregate, Proportion> share) implements Reading {
        @Override
        public Measurement read(PointAggregate point) {
            return new Measurement.Share(share.apply(point));
        }

        @Override
        public Interval interval(PointAggregate point) {
            Proportion p = share.apply(point);
            return new Interval(p.estimate(), p.lower(), p.upper(), Interval.Kind.WILSON);
        }
    }

    /** One percentile of a distribution the aggregate records. */
    record Quantile(Function<PointAggregate, Histogram> distribution, Percentile percentile, String population) implements Reading {
        @Override
        public Measurement read(PointAggregate point) {
            Histogram h = distribution.apply(point);
            long value = percentile.of(h);
            return new Measurement.Amount(value < 0 ? Double.NaN : value, h.getTotalCount(), population, true);
        }

        // The interval the percentile rule of compare uses; a maximum has none, one run decides it.
        @Override
        public Interval interval(PointAggregate point) {
            Histogram h = distribution.apply(point);
            if (h.getTotalCount() == 0) {
                return Interval.absent();
            }
            long value = percentile.of(h);
            if (percentile == Percentile.MAX) {
                return Interval.point(value);
            }
            long[] bounds = PercentileChangeRule.interval(h, percentile.percentile());
            return new Interval(value, Math.min(value, bounds[0]), Math.max(value, bounds[1]), Interval.Kind.ORDER_STATISTICS);
        }
    }

    /**
     * A mean from exact totals (the histograms round each value): {@code total / count}, absent when
     * the count is 0. {@code perRun}, when given, is the distribution of the values averaged (one per
     * counted item, to the histogram's precision), whose spread gives the interval; without it the
     * mean has none.
     */
    record Mean(ToLongFunction<PointAggregate> total, ToLongFunction<PointAggregate> count, String population,
                Function<PointAggregate, Histogram> perRun) implements Reading {

        /** The two-sided 95% quantile of the standard normal distribution. */
        private static final double Z95 = 1.959963984540054;

        public Mean(ToLongFunction<PointAggregate> total, ToLongFunction<PointAggregate> count, String population) {
            this(total, count, population, null);
        }

        @Override
        public Measurement read(PointAggregate point) {
            long n = count.applyAsLong(point);
            return new Measurement.Amount(n == 0 ? Double.NaN : (double) total.applyAsLong(point) / n, n, population, false);
        }

        // The normal approximation: over thousands of runs the mean is close to normal whatever the spread.
        @Override
        public Interval interval(PointAggregate point) {
            long n = count.applyAsLong(point);
            if (n == 0) {
                return Interval.absent();
            }
            double mean = (double) total.applyAsLong(point) / n;
            if (perRun == null || n < 2) {
                return Interval.point(mean);
            }
            double half = Z95 * perRun.apply(point).getStdDeviation() / Math.sqrt(n);
            return new Interval(mean, Math.max(0, mean - half), mean + half, Interval.Kind.NORMAL);
        }
    }
}
