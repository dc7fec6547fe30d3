package io.punchsim.nat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermissionSetTest {

    @Test
    void answersLikeAHashSetThroughGrowthAndCollidingValues() {
        // Oracle: java.util.HashSet fed the same values (packed endpoints with few distinct bits).
        long seed = 20261123L;
        SplittableRandom random = new SplittableRandom(seed);
        PermissionSet set = new PermissionSet();
        Set<Long> oracle = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            long value = NatTable.pack(0x0A00_0000 | random.nextInt(64), 40_000 + random.nextInt(64));
            if (random.nextBoolean()) {
                set.add(value);
                oracle.add(value);
            }
            long probe = NatTable.pack(0x0A00_0000 | random.nextInt(64), 40_000 + random.nextInt(64));
            assertThat(set.contains(probe)).as("seed %d, step %d", seed, i).isEqualTo(oracle.contains(probe));
        }
        assertThat(set.size()).as("seed %d", seed).isEqualTo(oracle.size());
        for (long value : oracle) {
            assertThat(set.contains(value)).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void holdsZeroAndTheLargestValueButRefusesNegatives() {
        PermissionSet set = new PermissionSet();
        assertThat(set.contains(0)).isFalse();
        set.add(0);
        set.add(Long.MAX_VALUE);
        set.add(0);
        assertThat(set.contains(0)).isTrue();
        assertThat(set.contains(Long.MAX_VALUE)).isTrue();
        assertThat(set.size()).isEqualTo(2);
        assertThatThrownBy(() -> set.add(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
