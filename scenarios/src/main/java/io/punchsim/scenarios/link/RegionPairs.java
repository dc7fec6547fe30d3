package io.punchsim.scenarios.link;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The region pairs a placement can name, each once, from the field data's section 4. */
public final class RegionPairs {

    private static final long MS = 1_000_000L;
    private static final String EMULATORS = "FIELD-DATA §4: region-to-region one-way latencies of other network emulators"
            + " (n0-computer patchbay; pion/transport network conditioner)";

    private static final List<RegionPair> ALL = List.of(
            new RegionPair("us-eu", "United States to Europe: 45 ms one way.", 45 * MS, EMULATORS),
            new RegionPair("us-asia", "United States to Asia: 80 ms one way.", 80 * MS, EMULATORS),
            new RegionPair("eu-asia", "Europe to Asia: 140 ms one way.", 140 * MS, EMULATORS),
            new RegionPair("us-south-america", "United States to South America: 57 ms one way.", 57 * MS, EMULATORS));

    private static final Map<String, RegionPair> BY_NAME = new LinkedHashMap<>();

    static {
        for (RegionPair pair : ALL) {
            if (BY_NAME.put(pair.name(), pair) != null) {
                throw new IllegalStateException("two region pairs named " + pair.name());
            }
        }
    }

    private RegionPairs() {
    }

    public static List<RegionPair> all() {
        return ALL;
    }

    public static Optional<RegionPair> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
