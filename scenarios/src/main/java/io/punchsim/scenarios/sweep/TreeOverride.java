package io.punchsim.scenarios.sweep;

import io.punchsim.scenarios.yaml.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies a sweep value to a parsed scenario tree at a dotted key path. The tree is immutable, so
 * each point gets its own copy of the spine it changes; maps created on the way carry the axis
 * key's position, and the value keeps its own, so problems name the sweep line that caused them.
 */
public final class TreeOverride {

    private TreeOverride() {
    }

    /** Why {@code path} cannot be set in {@code root}, if it cannot. */
    public static Optional<String> check(Node.Mapping root, String path) {
        String[] keys = path.split("\\.");
        Node current = root;
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < keys.length - 1; i++) {
            walked.append(i == 0 ? "" : ".").append(keys[i]);
            Node.Entry entry = ((Node.Mapping) current).entries().get(keys[i]);
            if (entry == null) {
                return Optional.empty();
            }
            if (!(entry.value() instanceof Node.Mapping)) {
                return Optional.of("cannot set " + path + ": " + walked + " is " + entry.value().kind()
                        + " in the file (line " + entry.value().position().line() + "), not a mapping");
            }
            current = entry.value();
        }
        return Optional.empty();
    }

    /** A copy of {@code root} with {@code value} at {@code path}; call {@link #check} first. */
    public static Node.Mapping with(Node.Mapping root, String path, Node value, Node.Position axisPosition) {
        return with(root, path.split("\\."), 0, value, axisPosition);
    }

    private static Node.Mapping with(Node.Mapping map, String[] keys, int depth, Node value, Node.Position at) {
        Map<String, Node.Entry> entries = new LinkedHashMap<>(map.entries());
        String key = keys[depth];
        Node.Entry existing = entries.get(key);
        Node.Position keyAt = existing == null ? at : existing.keyPosition();
        Node replacement;
        if (depth == keys.length - 1) {
            replacement = value;
        } else {
            Node.Mapping child = existing == null ? new Node.Mapping(Map.of(), at) : (Node.Mapping) existing.value();
            replacement = with(child, keys, depth + 1, value, at);
        }
        entries.put(key, new Node.Entry(key, keyAt, replacement));
        return new Node.Mapping(entries, map.position());
    }

    public static Node.Mapping without(Node.Mapping root, String key) {
        Map<String, Node.Entry> entries = new LinkedHashMap<>(root.entries());
        entries.remove(key);
        return new Node.Mapping(entries, root.position());
    }

    /** A value as a short label, in YAML flow style: {@code 250ms}, {@code [a, b]}, {@code {k: v}}. */
    public static String render(Node node) {
        if (node instanceof Node.Scalar scalar) {
            return scalar.text();
        }
        if (node instanceof Node.Sequence sequence) {
            return sequence.items().stream().map(TreeOverride::render).collect(Collectors.joining(", ", "[", "]"));
        }
        List<Node.Entry> entries = List.copyOf(((Node.Mapping) node).entries().values());
        return entries.stream().map(e -> e.key() + ": " + render(e.value())).collect(Collectors.joining(", ", "{", "}"));
    }
}
