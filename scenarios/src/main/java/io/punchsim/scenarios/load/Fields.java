package io.punchsim.scenarios.load;

import io.punchsim.protocol.config.Units;
import io.punchsim.protocol.config.ValueException;
import io.punchsim.scenarios.yaml.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads of YAML values with range checks. Every failure is recorded as a {@link Problem}
 * and the read returns a fallback, so one pass reports as many problems as it can find.
 */
final class Fields {

    private final String file;
    private final List<Problem> problems;

    Fields(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    List<Problem> problems() {
        return problems;
    }

    void report(Node.Position at, String path, String message) {
        problems.add(new Problem(file, at.line(), at.column(), path, message));
    }

    void report(Node node, String path, String message) {
        report(node.position(), path, message);
    }

    /** A mapping whose keys are checked against {@code allowed} when {@link Obj#finish()} is called. */
    Optional<Obj> object(Node node, String path, List<String> allowed) {
        if (node instanceof Node.Mapping mapping) {
            return Optional.of(new Obj(mapping, path, allowed));
        }
        // A section left empty ("protocol:" with its keys commented out) means all its defaults.
        if (node instanceof Node.Scalar scalar && scalar.type() == Node.ScalarKind.NULL) {
            return Optional.of(new Obj(new Node.Mapping(java.util.Map.of(), node.position()), path, allowed));
        }
        report(node, path, "expected a mapping with keys " + String.join(", ", allowed) + "; got " + describe(node));
        return Optional.empty();
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String describe(Node node) {
        if (node instanceof Node.Scalar scalar && scalar.type() != Node.ScalarKind.NULL) {
            return scalar.kind() + " '" + scalar.text() + "'";
        }
        return node.kind();
    }

    /** One mapping being read: remembers which keys were consumed so the rest can be reported. */
    final class Obj {
        final Node.Mapping mapping;
        final String path;
        final List<String> allowed;
        private final Set<String> used = new LinkedHashSet<>();

        Obj(Node.Mapping mapping, String path, List<String> allowed) {
            this.mapping = mapping;
            this.path = path;
            this.allowed = allowed;
        }

        Optional<Node> take(String key) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("key not declared: " + key);
            }
            used.add(key);
            Node.Entry entry = mapping.entries().get(key);
            return entry == null ? Optional.empty() : Optional.of(entry.value());
        }

        boolean has(String key) {
            return mapping.entries().containsKey(key);
        }

        Node.Position keyPosition(String key) {
            return mapping.entries().get(key).keyPosition();
        }

        String path(String key) {
            return child(path, key);
        }

        /** Reports every key not read, with the nearest allowed key as a suggestion. */
        void finish() {
            for (Node.Entry entry : mapping.entries().values()) {
                if (!used.contains(entry.key())) {
                    unknownKey(entry.keyPosition(), child(path, entry.key()), entry.key(), allowed);
                }
            }
        }

        long duration(String key, long fallback, long min, long max) {
            return take(key).map(n -> Fields.this.duration(n, path(key), min, max, fallback)).orElse(fallback);
        }

        int integer(String key, int fallback, int min, int max) {
            return take(key).map(n -> (int) Fields.this.integer(n, path(key), min, max, fallback)).orElse(fallback);
        }

        double rate(String key, double fallback) {
            return take(key).map(n -> Fields.this.rate(n, path(key), fallback)).orElse(fallback);
        }

        boolean bool(String key, boolean fallback) {
            return take(key).map(n -> Fields.this.bool(n, path(key), fallback)).orElse(fallback);
        }
    }

    void unknownKey(Node.Position at, String path, String key, List<String> allowed) {
        String hint = Suggestions.closest(key, allowed).map(s -> "did you mean '" + s + "'?")
                .orElse("allowed here: " + String.join(", ", allowed));
        report(at, path, "unknown key; " + hint);
    }

    Optional<String> text(Node node, String path, String expected) {
        if (node instanceof Node.Scalar scalar && scalar.type() != Node.ScalarKind.NULL) {
            return Optional.of(scalar.text());
        }
        report(node, path, "expected " + expected + "; got " + describe(node));
        return Optional.empty();
    }

    long duration(Node node, String path, long min, long max, long fallback) {
        Optional<String> text = text(node, path, "a duration (" + Units.DURATION_FORM + ")");
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long value = Units.parseDuration(text.get());
            if (value < min || value > max) {
                report(node, path, "out of range: " + text.get() + " is not within "
                        + Units.formatDuration(min) + ".." + Units.formatDuration(max));
                return fallback;
            }
            return value;
        } catch (ValueException e) {
            report(node, path, e.getMessage());
            return fallback;
        }
    }

    long integer(Node node, String path, long min, long max, long fallback) {
        if (!(node instanceof Node.Scalar scalar) || scalar.type() != Node.ScalarKind.NUMBER) {
            report(node, path, "expected a whole number in " + min + ".." + max + "; got " + describe(node));
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(scalar.text().replace("_", ""));
        } catch (NumberFormatException e) {
            report(node, path, "expected a whole number in " + min + ".." + max + "; got '" + scalar.text() + "'");
            return fallback;
        }
        if (value < min || value > max) {
            report(node, path, "out of range: " + value + " is not within " + min + ".." + max);
            return fallback;
        }
        return value;
    }

    double rate(Node node, String path, double fallback) {
        Optional<String> text = text(node, path, "a rate (" + Units.RATE_FORM + ")");
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Units.parseRate(text.get());
        } catch (ValueException e) {
            report(node, path, e.getMessage());
            return fallback;
        }
    }

    /** A positive real number within a range, for shapes, sigmas and tick rates. */
    double real(Node node, String path, double min, double max, boolean minExclusive, double fallback) {
        String range = (minExclusive ? "(" : "[") + plain(min) + ", " + plain(max) + "]";
        if (!(node instanceof Node.Scalar scalar) || scalar.type() != Node.ScalarKind.NUMBER) {
            report(node, path, "expected a number in " + range + "; got " + describe(node));
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(scalar.text());
        } catch (NumberFormatException e) {
            report(node, path, "expected a number in " + range + "; got '" + scalar.text() + "'");
            return fallback;
        }
        if (Double.isNaN(value) || value > max || value < min || (minExclusive && value == min)) {
            report(node, path, "out of range: " + scalar.text() + " is not within " + range);
            return fallback;
        }
        return value;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    boolean bool(Node node, String path, boolean fallback) {
        if (node instanceof Node.Scalar scalar && scalar.type() == Node.ScalarKind.BOOLEAN) {
            return Boolean.parseBoolean(scalar.text().toLowerCase(java.util.Locale.ROOT));
        }
        report(node, path, "expected true or false; got " + describe(node));
        return fallback;
    }

    /** One of a fixed set of words; the message lists them and suggests the nearest. */
    Optional<String> word(Node node, String path, List<String> choices) {
        Optional<String> text = text(node, path, "one of " + String.join(", ", choices));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (choices.contains(text.get())) {
            return text;
        }
        String hint = Suggestions.closest(text.get(), choices).map(s -> "did you mean '" + s + "'? ").orElse("");
        report(node, path, "'" + text.get() + "' is not allowed; " + hint + "expected one of " + String.join(", ", choices));
        return Optional.empty();
    }

    Optional<List<Node>> list(Node node, String path, String ofWhat) {
        if (node instanceof Node.Sequence sequence) {
            return Optional.of(new ArrayList<>(sequence.items()));
        }
        report(node, path, "expected a list of " + ofWhat + "; got " + describe(node));
        return Optional.empty();
    }
}
