package io.punchsim.scenarios.link;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The link presets a scenario can name ({@code link: {preset: 4g}}), each once, from the field
 * data's section 4; the binder, the JSON Schema, the README table and {@code punchsim presets}
 * read them from here.
 */
public final class LinkPresets {

    private static final long MS = 1_000_000L;
    private static final String EMULATORS = "FIELD-DATA §4: presets of other network emulators"
            + " (n0-computer patchbay; pion/transport network conditioner)";

    private static final List<LinkPreset> ALL = List.of(
            new LinkPreset("home-wifi", "Home Wi-Fi: 5 ms ± 2 ms one way, 0.1% loss.", 5 * MS, 2 * MS, 0.001, EMULATORS),
            new LinkPreset("poor-wifi", "Poor Wi-Fi: 40 ms ± 15 ms one way, 2% loss.", 40 * MS, 15 * MS, 0.02, EMULATORS),
            new LinkPreset("4g", "4G cellular: 25 ms ± 8 ms one way, 0.5% loss.", 25 * MS, 8 * MS, 0.005, EMULATORS),
            new LinkPreset("3g", "3G cellular: 100 ms ± 30 ms one way, 2% loss.", 100 * MS, 30 * MS, 0.02, EMULATORS),
            new LinkPreset("leo-satellite", "Low-earth-orbit satellite: 40 ms ± 7 ms one way, 1% loss.", 40 * MS, 7 * MS,
                    0.01, EMULATORS),
            new LinkPreset("geo-satellite", "Geostationary satellite: 300 ms ± 20 ms one way, 0.5% loss.", 300 * MS,
                    20 * MS, 0.005, EMULATORS));

    private static final Map<String, LinkPreset> BY_NAME = new LinkedHashMap<>();

    static {
        for (LinkPreset preset : ALL) {
            if (BY_NAME.put(preset.name(), preset) != null) {
                throw new IllegalStateException("two link presets named " + preset.name());
            }
        }
    }

    private LinkPresets() {
    }

    /** Every link preset, in listing order. */
    public static List<LinkPreset> all() {
        return ALL;
    }

    public static Optional<LinkPreset> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
