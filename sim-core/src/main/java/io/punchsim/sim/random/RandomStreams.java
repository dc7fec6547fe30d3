package io.punchsim.sim.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The random streams of one run, all derived from a single root seed.
 *
 * <p>Each component asks for a stream by a stable name ("link:a-b:forward", "node:nat1"). The
 * stream's seed is a fixed 64-bit hash of (root seed, UTF-8 bytes of the name), so a stream depends
 * on nothing but those two: adding a component never shifts another component's draws, and the same
 * (seed, name) gives the same numbers on every machine and thread.
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

    /** The 128-bit generator seed of the named stream. */
    public long[] seedFor(String name) {
        long state = nameHash(rootSeed, name);
        return new long[] {mix64(state + GOLDEN_GAMMA), mix64(state + 2 * GOLDEN_GAMMA)};
    }

    /** Folds the name's UTF-8 bytes and length into the root seed, one SplitMix64 step per byte. */
    static long nameHash(long rootSeed, String name) {
        // ASCII chars are their own UTF-8 bytes: fold them without encoding into a new array, and
        // encode only the rest of the name from the first char that is not ASCII.
        int length = name.length();
        long state = mix64(rootSeed);
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
