package io.punchsim.sim.link;

/** How a link direction loses datagrams. Immutable; {@link LossProcess} carries the per-run state. */
public sealed interface LossModel {

    /** Long-run fraction of datagrams lost. */
    double meanLossRate();

    LossModel NONE = new None();

    static LossModel bernoulli(double probability) {
        return new Bernoulli(probability);
    }

    /** Never loses anything. */
    record None() implements LossModel {
        @Override
        public double meanLossRate() {
            return 0;
        }
    }

    /** Each datagram is lost independently with {@code probability}. */
    record Bernoulli(double probability) implements LossModel {
        public Bernoulli {
            requireProbability(probability, "probability");
        }

        @Override
        public double meanLossRate() {
            return probability;
        }
    }

    /**
     * Gilbert–Elliott: a two-state Markov chain (good, bad) stepped once per datagram, losing with
     * {@code lossInGood} or {@code lossInBad} according to the state. Loss comes in bursts whose mean
     * length is {@code 1 / badToGood} when the bad state always loses and the good state never does.
     */
    record GilbertElliott(double goodToBad, double badToGood, double lossInGood, double lossInBad) implements LossModel {
        public GilbertElliott {
            requireProbability(goodToBad, "goodToBad");
            requireProbability(badToGood, "badToGood");
            requireProbability(lossInGood, "lossInGood");
            requireProbability(lossInBad, "lossInBad");
            if (goodToBad + badToGood == 0) {
                throw new IllegalArgumentException("the chain must be able to change state");
            }
        }

        /** The classic Gilbert model: the bad state loses everything, the good state nothing. */
        public static GilbertElliott gilbert(double goodToBad, double badToGood) {
            return new GilbertElliott(goodToBad, badToGood, 0, 1);
        }

        /** Stationary probability of the bad state. */
        public double badFraction() {
            return goodToBad / (goodToBad + badToGood);
        }

        @Override
        public double meanLossRate() {
            double bad = badFraction();
            return (1 - bad) * lossInGood + bad * lossInBad;
        }
    }

    private static void requireProbability(double p, String name) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + p);
        }
    }
}
