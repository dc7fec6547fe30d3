package io.punchsim.scenarios.model;

/** How a link direction loses packets. */
public sealed interface LossSpec {

    record Bernoulli(double rate) implements LossSpec {
    }

    /** Two-state burst loss; transition probabilities are per packet. */
    record GilbertElliott(double pGoodToBad, double pBadToGood, double lossGood, double lossBad) implements LossSpec {
    }
}
