package io.punchsim.scenarios.yaml;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written. Jackson's own tree drops locations, and every
 * scenario error must name its line and column, so the loader reads into this tree instead.
 */
public sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence {

    Position position();

    /** What the node is, in words for error messages. */
    String kind();

    /** A scalar as written; {@code kind} says how YAML typed it. */
    record Scalar(String text, ScalarKind type, Position position) implements Node {
        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }
    }

    /** A mapping in file order; each key keeps its own position. */
    record Mapping(Map<String, Entry> entries, Position position) implements Node {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Entry(String key, Position keyPosition, Node value) {
    }

    record Sequence(List<Node> items, Position position) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

    /** 1-based line and column. */
    record Position(int line, int column) {
    }
}
