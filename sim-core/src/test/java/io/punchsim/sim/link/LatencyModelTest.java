package io.punchsim.sim.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.random.RandomStreams;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** Sample moments of each latency model against the distribution's closed-form mean and variance. */
class LatencyModelTest {

    private static final double MS = 1_000_000.0;
    private static final int SAMPLES = 200_000;
    private static final long SEED = 424242L;

    @Test
    void constantIsConstant() {
        LatencySampler sampler = new LatencyModel.Constant(1234).sampler(new RandomStreams(SEED).stream("c"));
        for (int i = 0; i < 100; i++) {
            assertThat(sampler.sample()).isEqualTo(1234);
        }
    }

    @Test
    void uniformMatchesItsMoments() {
        double a = 10 * MS;
        double b = 30 * MS;
        checkMoments(new LatencyModel.Uniform((long) a, (long) b), (a + b) / 2, (b - a) * (b - a) / 12);
    }

    @Test
    void truncatedNormalMatchesTheTruncatedMoments() {
        // Truncation at zero with mean equal to one deviation cuts off 16% of the normal: the moments
        // of the truncated distribution (not the parent's) must come out.
        double mu = 20 * MS;
        double sigma = 20 * MS;
        double alpha = -mu / sigma;
        double pdf = Math.exp(-alpha * alpha / 2) / Math.sqrt(2 * Math.PI);
        double tail = 1 - 0.5 * Erf.erfc(-alpha / Math.sqrt(2));
        double ratio = pdf / tail;
        double mean = mu + sigma * ratio;
        double variance = sigma * sigma * (1 + alpha * ratio - ratio * ratio);
        checkMoments(new LatencyModel.TruncatedNormal((long) mu, (long) sigma), mean, variance);
    }

    @Test
    void logNormalMatchesItsMoments() {
        double median = 20 * MS;
        double s = 0.5;
        double mean = median * Math.exp(s * s / 2);
        double variance = (Math.exp(s * s) - 1) * median * median * Math.exp(s * s);
        checkMoments(new LatencyModel.LogNormal((long) median, s), mean, variance);
    }

    @Test
    void paretoMatchesItsMoments() {
        double scale = 10 * MS;
        double shape = 6;
        double mean = shape * scale / (shape - 1);
        double variance = scale * scale * shape / ((shape - 1) * (shape - 1) * (shape - 2));
        checkMoments(new LatencyModel.Pareto((long) scale, shape), mean, variance);
    }

    @Test
    void empiricalTableMatchesItsMoments() {
        // Values 10, 20, 50 ms with weights 1, 2, 1: mean 25 ms, variance 850 - 625 = 225 ms^2.
        LatencyModel model = new LatencyModel.Empirical(new long[] {10_000_000, 20_000_000, 50_000_000}, new double[] {1, 2, 1});
        checkMoments(model, 25 * MS, 225 * MS * MS);
    }

    @Test
    void declaredMeansAgreeWithClosedForms() {
        assertThat(new LatencyModel.Uniform(10, 30).mean()).isEqualTo(20.0);
        assertThat(new LatencyModel.Pareto(10, 6).mean()).isEqualTo(12.0);
        assertThat(new LatencyModel.LogNormal(100, 0.5).mean()).isCloseTo(100 * Math.exp(0.125), org.assertj.core.data.Offset.offset(1e-9));
        // Truncated normal with mean 0: the half-normal, mean sigma * sqrt(2 / pi).
        assertThat(new LatencyModel.TruncatedNormal(0, 1000).mean()).isCloseTo(1000 * Math.sqrt(2 / Math.PI), org.assertj.core.data.Offset.offset(1e-6));
    }

    /**
     * Sample mean and variance within five standard errors of the closed forms. The standard error
     * of the variance is estimated from the sample's fourth central moment.
     */
    private static void checkMoments(LatencyModel model, double mean, double variance) {
        LatencySampler sampler = model.sampler(new RandomStreams(SEED).stream("latency"));
        double[] x = new double[SAMPLES];
        double sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long value = sampler.sample();
            assertThat(value).as("seed %d: latency must not be negative", SEED).isNotNegative();
            x[i] = value;
            sum += value;
        }
        double sampleMean = sum / SAMPLES;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - sampleMean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= SAMPLES;
        m4 /= SAMPLES;
        double meanError = Math.sqrt(variance / SAMPLES);
        double varianceError = Math.sqrt((m4 - m2 * m2) / SAMPLES);
        assertThat(Math.abs(sampleMean - mean))
                .as("seed %d, %s: sample mean %.1f vs %.1f", SEED, model, sampleMean, mean)
                .isLessThan(5 * meanError);
        assertThat(Math.abs(m2 - variance))
                .as("seed %d, %s: sample variance %.4g vs %.4g", SEED, model, m2, variance)
                .isLessThan(5 * varianceError);
    }
}
