package io.punchsim.reports.metric;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.stats.Percentile;
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

    /** A share of runs, with its Wilson 95% interval. */
    record Rate(Function<PointAggregate, Proportion> share) implements Reading {
        @Override
        public Measurement read(PointAggregate point) {
            return new Measurement.Share(share.apply(point));
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
    }

    /** A mean from exact totals (the histograms round each value): {@code total / count}, absent when the count is 0. */
    record Mean(ToLongFunction<PointAggregate> total, ToLongFunction<PointAggregate> count, String population) implements Reading {
        @Override
        public Measurement read(PointAggregate point) {
            long n = count.applyAsLong(point);
            return new Measurement.Amount(n == 0 ? Double.NaN : (double) total.applyAsLong(point) / n, n, population, false);
        }
    }
}
