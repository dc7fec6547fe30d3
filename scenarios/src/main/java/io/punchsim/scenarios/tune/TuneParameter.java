package io.punchsim.scenarios.tune;

import io.punchsim.scenarios.yaml.Node;
import java.util.List;

/**
 * One tuned key path and the values it takes, in order: every step of a range, or the values of
 * a list as written.
 *
 * @param position where the key is written in the file; maps the tune creates take it
 */
public record TuneParameter(String path, Node.Position position, Kind kind, List<Level> levels) {

    /** How the values were given. */
    public enum Kind {
        /** {@code {range: [low, high], step: s}}: from low to high in steps. */
        RANGE,
        /** A list of values, any YAML a sweep axis takes. */
        LIST
    }

    /** One value: as reports show it, and as the tree takes it. */
    public record Level(String label, Node value) {}

    public TuneParameter {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException(path + ": a tuned key needs at least one value");
        }
    }

    public int size() {
        return levels.size();
    }
}
