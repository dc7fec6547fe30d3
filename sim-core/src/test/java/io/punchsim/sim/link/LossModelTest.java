package io.punchsim.sim.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.sim.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** Gilbert–Elliott loss against the closed forms of its two-state Markov chain. */
class LossModelTest {

    private static final int PACKETS = 1_000_000;

    @Test
    void gilbertBurstLengthAndLossRateMatchTheChain() {
        long seed = 31337L;
        double p = 0.02; // good -> bad
        double r = 0.25; // bad -> good
        LossProcess process = new LossProcess(LossModel.GilbertElliott.gilbert(p, r), new RandomStreams(seed).stream("ge"));
        long lost = 0;
        long bursts = 0;
        boolean previousLost = false;
        for (int i = 0; i < PACKETS; i++) {
            boolean l = process.lose();
            if (l) {
                lost++;
                if (!previousLost) {
                    bursts++;
                }
            }
            previousLost = l;
        }
        // With the bad state losing everything and the good state nothing, a burst is a sojourn in
        // the bad state: geometric with mean 1/r and variance (1-r)/r^2.
        double meanBurst = (double) lost / bursts;
        double burstError = Math.sqrt((1 - r) / (r * r) / bursts);
        assertThat(Math.abs(meanBurst - 1 / r)).as("seed %d: mean burst %.4f vs %.4f", seed, meanBurst, 1 / r).isLessThan(5 * burstError);

        // Overall loss is the stationary bad fraction p/(p+r); the chain's correlation (eigenvalue
        // 1-p-r) widens the error to pi(1-pi)(1+lambda)/(1-lambda)/n.
        double pi = p / (p + r);
        double lambda = 1 - p - r;
        double rate = (double) lost / PACKETS;
        double rateError = Math.sqrt(pi * (1 - pi) * (1 + lambda) / (1 - lambda) / PACKETS);
        assertThat(Math.abs(rate - pi)).as("seed %d: loss %.5f vs %.5f", seed, rate, pi).isLessThan(5 * rateError);
    }

    @Test
    void gilbertElliottWithLossInBothStatesMatchesTheMixture() {
        long seed = 2718L;
        double p = 0.05;
        double r = 0.2;
        double kGood = 0.01;
        double kBad = 0.5;
        LossProcess process = new LossProcess(new LossModel.GilbertElliott(p, r, kGood, kBad), new RandomStreams(seed).stream("ge"));
        long lost = 0;
        for (int i = 0; i < PACKETS; i++) {
            if (process.lose()) {
                lost++;
            }
        }
        double pi = p / (p + r);
        double lambda = 1 - p - r;
        double expected = (1 - pi) * kGood + pi * kBad;
        // Variance: the state-driven part (kBad-kGood)^2 pi(1-pi)(1+lambda)/(1-lambda), plus the
        // conditionally independent Bernoulli part E[k(1-k)].
        double variance = (kBad - kGood) * (kBad - kGood) * pi * (1 - pi) * (1 + lambda) / (1 - lambda)
                + (1 - pi) * kGood * (1 - kGood) + pi * kBad * (1 - kBad);
        double rate = (double) lost / PACKETS;
        assertThat(Math.abs(rate - expected)).as("seed %d: loss %.5f vs %.5f", seed, rate, expected).isLessThan(5 * Math.sqrt(variance / PACKETS));
        assertThat(new LossModel.GilbertElliott(p, r, kGood, kBad).meanLossRate()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void noLossModelNeverLoses() {
        LossProcess process = new LossProcess(LossModel.NONE, new RandomStreams(1).stream("none"));
        for (int i = 0; i < 10_000; i++) {
            assertThat(process.lose()).isFalse();
        }
    }
}
