package io.punchsim.sim.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The random streams of one run, all derived from a single root seed.
 *
 * <p>Each component asks for a stream by a stable name ("link:a-b:forward", "node:nat1"). The
 * stream's seed is a fixed 64-bit function of the root seed and a key of the name: the key folds the
 * name's UTF-8 bytes one SplitMix64 step per byte, and the stream's state is the SplitMix64 mix of
 * (mixed root seed XOR key). A stream depends on nothing but those two, so adding a component never
 * shifts another component's draws, and the same (seed, name) gives the same numbers on every
 * machine and thread. The key does not depend on the root seed, so a stream kept from run to run
 * ({@link NamedStream#reseed}) folds its name once, not once per run.
 */
public final class RandomStreams {

    /** The SplitMix64 increment (the golden ratio in 64 bits). */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long rootSeed;

    public RandomStreams(long rootSeed) {
        this.rootSeed = rootSeed;
    }

    public long rootSeed() {
        return rootSeed;
    }

    /**
     * A new generator (XoRoShiRo128++) for the named stream. Asking twice for one name gives two
     * generators that produce the same numbers.
     */
    public NamedStream stream(String name) {
        // Built directly rather than through RandomSource.create (which reflects on every call), and
        // seeded on first draw: same class, same seed, so the same numbers.
        return new NamedStream(rootSeed, name);
    }

    /** The same stream as {@link #stream(String)}, its name's key folded beforehand. */
    public NamedStream stream(StreamName name) {
        return new NamedStream(rootSeed, name.name(), name.key());
    }

    /** The 128-bit generator seed of the named stream. */
    public long[] seedFor(String name) {
        long state = streamState(rootSeed, nameKey(name));
        return new long[] {mix64(state + GOLDEN_GAMMA), mix64(state + 2 * GOLDEN_GAMMA)};
    }

    /** The state both seed words are drawn from: the root seed and the name's key, mixed. */
    static long streamState(long rootSeed, long nameKey) {
        return mix64(mix64(rootSeed) ^ nameKey);
    }

    /** Folds the name's UTF-8 bytes and length, one SplitMix64 step per byte, starting from zero. */
    static long nameKey(String name) {
        // ASCII chars are their own UTF-8 bytes: fold them without encoding into a new array, and
        // encode only the rest of the name from the first char that is not ASCII.
        int length = name.length();
        long state = 0;
        int i = 0;
        for (; i < length; i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                break;
            }
            state = mix64(state + GOLDEN_GAMMA + c);
        }
        if (i == length) {
            return mix64(state + GOLDEN_GAMMA + length);
        }
        byte[] rest = name.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte b : rest) {
            state = mix64(state + GOLDEN_GAMMA + (b & 0xFF));
        }
        return mix64(state + GOLDEN_GAMMA + i + rest.length);
    }

    /** The SplitMix64 output function (Steele, Lea and Flood, 2014). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
