package io.punchsim.sim.random;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * The XoRoShiRo128++ generator of one named stream, seeded on its first draw.
 *
 * <p>A run asks for more streams than it draws from (a constant-latency lossless link, a fixed
 * delay), and deriving a seed folds every byte of the name: deferring it skips that work for streams
 * never used. Every draw goes through {@link #next()}, so once seeded the numbers are exactly those
 * of the generator seeded up front.
 */
final class DeferredXoRoShiRo128PlusPlus extends XoRoShiRo128PlusPlus {
    private final long rootSeed;
    private final String name;
    private boolean seeded;

    DeferredXoRoShiRo128PlusPlus(long rootSeed, String name) {
        super(0, 0);
        this.rootSeed = rootSeed;
        this.name = name;
    }

    private void seed() {
        long state = RandomStreams.nameHash(rootSeed, name);
        state0 = RandomStreams.mix64(state + RandomStreams.GOLDEN_GAMMA);
        state1 = RandomStreams.mix64(state + 2 * RandomStreams.GOLDEN_GAMMA);
        seeded = true;
    }

    @Override
    public long next() {
        if (!seeded) {
            seed();
        }
        return super.next();
    }

    @Override
    public UniformRandomProvider jump() {
        if (!seeded) {
            seed();
        }
        return super.jump();
    }

    @Override
    public JumpableUniformRandomProvider longJump() {
        if (!seeded) {
            seed();
        }
        return super.longJump();
    }

    @Override
    protected byte[] getStateInternal() {
        if (!seeded) {
            seed();
        }
        return super.getStateInternal();
    }

    @Override
    protected void setStateInternal(byte[] state) {
        super.setStateInternal(state);
        seeded = true;
    }
}
