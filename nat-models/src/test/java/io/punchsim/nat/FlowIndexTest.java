package io.punchsim.nat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FlowIndexTest {

    private record Key(long local, long remote) {}

    @Test
    void behavesLikeAHashMapThroughPutsRemovalsAndGrowth() {
        // Oracle: java.util.HashMap under the same random operations on a small key space, so that
        // probe runs collide, wrap around and are shifted back by removals.
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            FlowIndex<String> index = new FlowIndex<>();
            Map<Key, String> oracle = new HashMap<>();
            List<Key> keys = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                keys.add(new Key(NatTable.pack(0xC633_6400 | random.nextInt(4), 1024 + random.nextInt(100)),
                        random.nextInt(4) == 0 ? -1L : NatTable.pack(0x0A00_0001, random.nextInt(50))));
            }
            for (int step = 0; step < 20_000; step++) {
                Key key = keys.get(random.nextInt(keys.size()));
                int op = random.nextInt(10);
                if (op < 4) {
                    String value = "v" + step;
                    index.put(key.local(), key.remote(), value);
                    oracle.put(key, value);
                } else if (op < 7) {
                    String current = oracle.get(key);
                    // Removing with a stale value must leave the entry in place.
                    String asked = current != null && random.nextBoolean() ? current : "stale";
                    index.remove(key.local(), key.remote(), asked);
                    oracle.remove(key, asked);
                } else if (op == 7 && random.nextInt(100) == 0) {
                    index.clear();
                    oracle.clear();
                }
                assertThat(index.get(key.local(), key.remote())).as("seed %d, step %d", seed, step)
                        .isEqualTo(oracle.get(key));
                assertThat(index.size()).as("seed %d, step %d", seed, step).isEqualTo(oracle.size());
            }
            for (Key key : keys) {
                assertThat(index.get(key.local(), key.remote())).as("seed %d", seed).isEqualTo(oracle.get(key));
                assertThat(index.containsKey(key.local(), key.remote())).as("seed %d", seed)
                        .isEqualTo(oracle.containsKey(key));
            }
        }
    }
}
