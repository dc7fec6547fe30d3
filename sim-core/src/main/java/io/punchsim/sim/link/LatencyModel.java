package io.punchsim.sim.link;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.InverseTransformParetoSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The one-way delay of a link direction, in nanoseconds. Immutable; {@link #sampler} binds it to a
 * random stream for one run.
 */
public sealed interface LatencyModel {

    /** Expected delay in nanoseconds; routes are weighted by it. */
    double mean();

    /** A sampler drawing from this distribution with the given stream. */
    LatencySampler sampler(UniformRandomProvider random);

    static LatencyModel constant(long nanos) {
        return new Constant(nanos);
    }

    static LatencyModel millis(double millis) {
        return new Constant(Math.round(millis * 1_000_000.0));
    }

    /** Always the same delay. */
    record Constant(long nanos) implements LatencyModel {
        public Constant {
            requireNonNegative(nanos, "nanos");
        }

        @Override
        public double mean() {
            return nanos;
        }

        @Override
        public LatencySampler sampler(UniformRandomProvider random) {
            long value = nanos;
            return () -> value;
        }
    }

    /** Uniform on [min, max]. */
    record Uniform(long minNanos, long maxNanos) implements LatencyModel {
        public Uniform {
            requireNonNegative(minNanos, "minNanos");
            if (maxNanos < minNanos) {
                throw new IllegalArgumentException("maxNanos < minNanos");
            }
        }

        @Override
        public double mean() {
            return (minNanos + (double) maxNanos) / 2.0;
        }

        @Override
        public LatencySampler sampler(UniformRandomProvider random) {
            var sampler = ContinuousUniformSampler.of(random, minNanos, maxNanos);
            return () -> Math.round(sampler.sample());
        }
    }

    /**
     * A normal distribution truncated at zero: draws below zero are rejected and drawn again, so the
     * delay keeps the normal shape above zero rather than piling up at zero.
     */
    record TruncatedNormal(long meanNanos, long stdDevNanos) implements LatencyModel {
        public TruncatedNormal {
            requireNonNegative(meanNanos, "meanNanos");
            if (stdDevNanos <= 0) {
                throw new IllegalArgumentException("stdDevNanos must be positive");
            }
        }

        @Override
        public double mean() {
            double alpha = -meanNanos / (double) stdDevNanos;
            NormalDistribution standard = new NormalDistribution(null, 0, 1);
            return meanNanos + stdDevNanos * standard.density(alpha) / (1 - standard.cumulativeProbability(alpha));
        }

        @Override
        public LatencySampler sampler(UniformRandomProvider random) {
            var gaussian = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(random), meanNanos, stdDevNanos);
            return () -> {
                double x;
                do {
                    x = gaussian.sample();
                } while (x < 0);
                return Math.round(x);
            };
        }
    }

    /** Log-normal: the log of the delay is normal with mean ln(median) and deviation {@code sigma}. */
    record LogNormal(long medianNanos, double sigma) implements LatencyModel {
        public LogNormal {
            if (medianNanos <= 0 || !(sigma > 0)) {
                throw new IllegalArgumentException("medianNanos and sigma must be positive");
            }
        }

        @Override
        public double mean() {
            return medianNanos * Math.exp(sigma * sigma / 2);
        }

        @Override
        public LatencySampler sampler(UniformRandomProvider random) {
            var sampler = LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(random), Math.log(medianNanos), sigma);
            return () -> Math.round(sampler.sample());
        }
    }

    /** Pareto (type I) with minimum {@code scaleNanos} and tail index {@code shape}: a heavy tail. */
    record Pareto(long scaleNanos, double shape) implements LatencyModel {
        public Pareto {
            if (scaleNanos <= 0 || !(shape > 1)) {
                throw new IllegalArgumentException("scaleNanos must be positive and shape above 1 (finite mean)");
            }
        }

        @Override
        public double mean() {
            return shape * scaleNanos / (shape - 1);
        }

        @Override
        public LatencySampler sampler(UniformRandomProvider random) {
            var sampler = InverseTransformParetoSampler.of(random, scaleNanos, shape);
            return () -> Math.round(sampler.sample());
        }
    }

    /** A measured table: each value is drawn with probability proportional to its weight. */
    record Empirical(long[] valuesNanos, double[] weights) implements LatencyModel {
        public Empirical {
            if (valuesNanos.length == 0 || valuesNanos.length != weights.length) {
                throw new IllegalArgumentException("need as many weights as values, at least one");
            }
            for (long v : valuesNanos) {
                requireNonNegative(v, "value");
            }
            valuesNanos = valuesNanos.clone();
            weights = weights.clone();
        }

        /** Equally likely values. */
        public static Empirical of(long... valuesNanos) {
            double[] weights = new double[valuesNanos.length];
            Arrays.fill(weights, 1.0);
            return new Empirical(valuesNanos, weights);
        }

        @Override
        public double mean() {
            double total = 0;
            double sum = 0;
            for (int i = 0; i < valuesNanos.length; i++) {
                total += weights[i];
                sum += weights[i] * valuesNanos[i];
            }
            return sum / total;
        }

        @Override
        public LatencySampler sampler(UniformRandomProvider random) {
            long[] values = valuesNanos;
            var index = GuideTableDiscreteSampler.of(random, weights);
            return () -> values[index.sample()];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Empirical e && Arrays.equals(valuesNanos, e.valuesNanos) && Arrays.equals(weights, e.weights);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(valuesNanos) + Arrays.hashCode(weights);
        }

        @Override
        public String toString() {
            return "Empirical[" + Arrays.toString(valuesNanos) + ", weights " + Arrays.toString(weights) + "]";
        }
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
