package io.punchsim.sim.link;

import org.apache.commons.rng.UniformRandomProvider;

/** The per-run state of a {@link LossModel}: decides, datagram by datagram, what is lost. */
public final class LossProcess {

    private final UniformRandomProvider random;
    private final int kind;
    private final double bernoulli;
    private final double goodToBad;
    private final double badToGood;
    private final double lossInGood;
    private final double lossInBad;
    private boolean bad;

    // A flat switch instead of a class per model keeps the per-datagram call monomorphic.
    private static final int NONE = 0;
    private static final int BERNOULLI = 1;
    private static final int GILBERT_ELLIOTT = 2;

    public LossProcess(LossModel model, UniformRandomProvider random) {
        this.random = random;
        if (model instanceof LossModel.Bernoulli b) {
            kind = BERNOULLI;
            bernoulli = b.probability();
            goodToBad = badToGood = lossInGood = lossInBad = 0;
        } else if (model instanceof LossModel.GilbertElliott g) {
            kind = GILBERT_ELLIOTT;
            bernoulli = 0;
            goodToBad = g.goodToBad();
            badToGood = g.badToGood();
            lossInGood = g.lossInGood();
            lossInBad = g.lossInBad();
        } else {
            kind = NONE;
            bernoulli = goodToBad = badToGood = lossInGood = lossInBad = 0;
        }
    }

    /**
     * Whether the next datagram is lost. For Gilbert–Elliott the loss is drawn in the current state,
     * then the chain takes one step; it starts in the good state.
     */
    public boolean lose() {
        switch (kind) {
            case BERNOULLI:
                return bernoulli > 0 && random.nextDouble() < bernoulli;
            case GILBERT_ELLIOTT: {
                double lossHere = bad ? lossInBad : lossInGood;
                boolean lost = lossHere > 0 && random.nextDouble() < lossHere;
                double leave = bad ? badToGood : goodToBad;
                if (random.nextDouble() < leave) {
                    bad = !bad;
                }
                return lost;
            }
            default:
                return false;
        }
    }

    /** Back to the start: the good state. */
    void reset() {
        bad = false;
    }

    /** Whether the chain is in its bad state (always false for other models). */
    public boolean inBadState() {
        return bad;
    }
}
