package io.punchsim.sim.random;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * The XoRoShiRo128++ generator of one named stream (see {@link RandomStreams}), seeded on its first
 * draw and able to start over for another run's root seed.
 *
 * <p>A run asks for more streams than it draws from (a constant-latency lossless link, a fixed
 * delay), and deriving a seed folds every byte of the name: deferring it skips that work for streams
 * never used, and the fold is kept, so a reseeded stream does not repeat it. Every draw goes through
 * {@link #next()}, so once seeded the numbers are exactly those of the generator seeded up front.
 * {@link #reseed} lets a network that is reset between runs keep its generators, and the samplers
 * bound to them, instead of building new ones for every run.
 */
public final class NamedStream extends XoRoShiRo128PlusPlus {
    private long rootSeed;
    private final String name;
    private boolean seeded;
    private long nameKey;
    private boolean keyed;

    NamedStream(long rootSeed, String name) {
        super(0, 0);
        this.rootSeed = rootSeed;
        this.name = name;
    }

    NamedStream(long rootSeed, String name, long nameKey) {
        this(rootSeed, name);
        this.nameKey = nameKey;
        this.keyed = true;
    }

    public String name() {
        return name;
    }

    /**
     * Starts the stream over as the stream of the same name under {@code newRootSeed}: the next draw
     * is the first that a fresh {@code new RandomStreams(newRootSeed).stream(name())} would give.
     */
    public void reseed(long newRootSeed) {
        rootSeed = newRootSeed;
        seeded = false;
        // Bits kept back from an earlier nextInt or nextBoolean belong to the old sequence.
        resetCachedState();
    }

    private void seed() {
        if (!keyed) {
            nameKey = RandomStreams.nameKey(name);
            keyed = true;
        }
        long state = RandomStreams.streamState(rootSeed, nameKey);
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
