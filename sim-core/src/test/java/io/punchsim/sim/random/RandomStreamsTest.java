package io.punchsim.sim.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    @Test
    void mixerIsSplitMix64() {
        // Published SplitMix64 outputs for seed 0 (reference C code by Vigna): the state advances by
        // the golden gamma before each output.
        assertThat(RandomStreams.mix64(RandomStreams.GOLDEN_GAMMA)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(RandomStreams.mix64(2 * RandomStreams.GOLDEN_GAMMA)).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(RandomStreams.mix64(3 * RandomStreams.GOLDEN_GAMMA)).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void sameSeedAndNameGiveTheSameStream() {
        UniformRandomProvider a = new RandomStreams(1234).stream("link:a-b:forward");
        UniformRandomProvider b = new RandomStreams(1234).stream("link:a-b:forward");
        for (int i = 0; i < 1000; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void aStreamDoesNotShiftWhenOtherStreamsAreDrawnFrom() {
        RandomStreams lonely = new RandomStreams(77);
        long[] alone = draw(lonely.stream("node:nat1"), 100);

        RandomStreams crowded = new RandomStreams(77);
        UniformRandomProvider other = crowded.stream("node:nat0");
        UniformRandomProvider mine = crowded.stream("node:nat1");
        UniformRandomProvider third = crowded.stream("link:x-y:forward");
        long[] together = new long[100];
        for (int i = 0; i < 100; i++) {
            other.nextLong();
            third.nextInt();
            together[i] = mine.nextLong();
        }
        assertThat(together).isEqualTo(alone);
    }

    @Test
    void differentNamesOrSeedsGiveDifferentStreams() {
        long[] base = draw(new RandomStreams(1).stream("node:a"), 4);
        assertThat(draw(new RandomStreams(1).stream("node:b"), 4)).isNotEqualTo(base);
        assertThat(draw(new RandomStreams(2).stream("node:a"), 4)).isNotEqualTo(base);
        // A name that is a prefix of another must not collide with it.
        assertThat(draw(new RandomStreams(1).stream("node:a\0"), 4)).isNotEqualTo(base);
    }

    @Test
    void streamsLookUniform() {
        // Mean of U(0,1) is 1/2 with standard error 1/sqrt(12 n); allow five standard errors.
        UniformRandomProvider random = new RandomStreams(5).stream("check");
        int n = 100_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += random.nextDouble();
        }
        assertThat(Math.abs(sum / n - 0.5)).isLessThan(5 / Math.sqrt(12.0 * n));
    }

    @Test
    void aStreamIsTheLibrarysXoRoShiRo128PlusPlusOnTheDocumentedSeed() {
        // The documented derivation, spelled out byte by byte, fed to the library's own factory: the
        // generator built directly must give the very same numbers (names with and without non-ASCII).
        for (long seed : new long[] {0, 1, -1, 42, Long.MIN_VALUE, 0x1234_5678_9ABC_DEF0L}) {
            for (String name : new String[] {"", "node:nat1", "link:host-access:forward", "machine:caf\u00e9", "\u00fc\u20ac\uD83D\uDE00"}) {
                long key = 0;
                byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    key = RandomStreams.mix64(key + RandomStreams.GOLDEN_GAMMA + (b & 0xFF));
                }
                key = RandomStreams.mix64(key + RandomStreams.GOLDEN_GAMMA + bytes.length);
                long state = RandomStreams.mix64(RandomStreams.mix64(seed) ^ key);
                long[] expectedSeed = {RandomStreams.mix64(state + RandomStreams.GOLDEN_GAMMA),
                    RandomStreams.mix64(state + 2 * RandomStreams.GOLDEN_GAMMA)};
                RandomStreams streams = new RandomStreams(seed);
                assertThat(streams.seedFor(name)).as("seed %d, name '%s'", seed, name).containsExactly(expectedSeed);
                assertThat(draw(streams.stream(name), 8)).as("seed %d, name '%s'", seed, name)
                        .containsExactly(draw(RandomSource.XO_RO_SHI_RO_128_PP.create(expectedSeed), 8));
            }
        }
    }

    @Test
    void aStreamSeededOnFirstUseMatchesTheLibraryGeneratorThroughEveryKindOfDraw() {
        long[] seed = new RandomStreams(7).seedFor("link:a-b:forward");
        UniformRandomProvider expected = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        UniformRandomProvider actual = new RandomStreams(7).stream("link:a-b:forward");
        // The 32-bit and boolean draws take halves and bits of cached 64-bit outputs: interleave them.
        for (int i = 0; i < 50; i++) {
            assertThat(actual.nextInt()).isEqualTo(expected.nextInt());
            assertThat(actual.nextBoolean()).isEqualTo(expected.nextBoolean());
            assertThat(actual.nextDouble()).isEqualTo(expected.nextDouble());
            assertThat(actual.nextInt(1000)).isEqualTo(expected.nextInt(1000));
            assertThat(actual.nextFloat()).isEqualTo(expected.nextFloat());
            assertThat(actual.nextLong(1L << 40)).isEqualTo(expected.nextLong(1L << 40));
        }
        byte[] a = new byte[13];
        byte[] b = new byte[13];
        actual.nextBytes(a);
        expected.nextBytes(b);
        assertThat(a).containsExactly(b);
    }

    @Test
    void anUndrawnStreamJumpsAndSavesTheStateOfItsSeed() {
        long[] seed = new RandomStreams(9).seedFor("node:nat");
        var expected = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        var jumpedFromUnused = (JumpableUniformRandomProvider) new RandomStreams(9).stream("node:nat");
        UniformRandomProvider copy = jumpedFromUnused.jump();
        var reference = (JumpableUniformRandomProvider) expected;
        assertThat(draw(copy, 4)).containsExactly(draw(reference.jump(), 4));
        assertThat(draw(jumpedFromUnused, 4)).containsExactly(draw(expected, 4));

        var saved = (RestorableUniformRandomProvider) new RandomStreams(9).stream("node:nat");
        var state = saved.saveState();
        var restored = (RestorableUniformRandomProvider) new RandomStreams(1).stream("other");
        restored.restoreState(state);
        assertThat(draw(restored, 4)).containsExactly(draw(RandomSource.XO_RO_SHI_RO_128_PP.create(seed), 4));
    }

    @Test
    void aReseededStreamIsTheFreshStreamOfTheNewRootSeedEvenMidWayThroughCachedBits() {
        NamedStream reused = new RandomStreams(3).stream("link:a-b:backward");
        // Leave half of a 64-bit output and most of a boolean word cached in the old sequence.
        reused.nextInt();
        reused.nextBoolean();
        reused.reseed(11);
        long[] seed = new RandomStreams(11).seedFor("link:a-b:backward");
        UniformRandomProvider expected = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = 0; i < 20; i++) {
            assertThat(reused.nextBoolean()).isEqualTo(expected.nextBoolean());
            assertThat(reused.nextInt()).isEqualTo(expected.nextInt());
            assertThat(reused.nextLong()).isEqualTo(expected.nextLong());
        }
        assertThat(reused.name()).isEqualTo("link:a-b:backward");
    }

    @Test
    void aPreFoldedNameGivesTheSameStreamAndAWrongKeyIsRefused() {
        RandomStreams streams = new RandomStreams(21);
        StreamName name = StreamName.of("scenario:host-join");
        assertThat(draw(streams.stream(name), 8)).containsExactly(draw(streams.stream("scenario:host-join"), 8));
        assertThatThrownBy(() -> new StreamName("scenario:host-join", name.key() + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scenario:host-join");
    }

    private static long[] draw(UniformRandomProvider random, int count) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextLong();
        }
        return values;
    }
}
