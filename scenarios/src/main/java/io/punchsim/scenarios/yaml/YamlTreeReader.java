package io.punchsim.scenarios.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one YAML document into a {@link Node} tree that remembers where every key and value sits. */
public final class YamlTreeReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** A syntax problem: where, and what the parser said. */
    public record SyntaxError(Node.Position position, String keyPath, String message) {
    }

    /** The tree, or the first syntax error; an empty document gives neither tree nor error. */
    public record Result(Optional<Node> tree, List<SyntaxError> errors) {
    }

    private YamlTreeReader() {
    }

    public static Result read(String text) {
        List<SyntaxError> errors = new ArrayList<>();
        // The keys being read; on a syntax error it still holds the path to where the parser stopped.
        Deque<String> path = new ArrayDeque<>();
        Map<String, Node> anchors = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Result(Optional.empty(), errors);
            }
            Node tree = readValue((YAMLParser) parser, errors, path, anchors);
            if (!errors.isEmpty()) {
                return new Result(Optional.empty(), errors);
            }
            JsonToken next = parser.nextToken();
            if (next != null) {
                errors.add(new SyntaxError(position(parser.currentTokenLocation()), "",
                        "a scenario file holds one YAML document; found a second one"));
                return new Result(Optional.empty(), errors);
            }
            return new Result(Optional.of(tree), errors);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            Node.Position at = location == null ? new Node.Position(1, 1) : position(location);
            errors.add(new SyntaxError(at, joined(path), "YAML syntax error: " + summary(e.getOriginalMessage())));
            return new Result(Optional.empty(), errors);
        } catch (IOException e) {
            errors.add(new SyntaxError(new Node.Position(1, 1), "", "cannot read: " + e.getMessage()));
            return new Result(Optional.empty(), errors);
        }
    }

    private static Node readValue(YAMLParser parser, List<SyntaxError> errors, Deque<String> path,
            Map<String, Node> anchors) throws IOException {
        JsonToken token = parser.currentToken();
        Node.Position at = position(parser.currentTokenLocation());
        if (parser.isCurrentAlias()) {
            // An alias stands for the anchored value; problems in it point at the anchor's text.
            Node anchored = anchors.get(parser.getText());
            if (anchored == null) {
                errors.add(new SyntaxError(at, joined(path), "unknown alias *" + parser.getText()));
                return new Node.Scalar("", Node.ScalarKind.NULL, at);
            }
            return anchored;
        }
        Object anchor = parser.getObjectId();
        Node node = readOwnValue(parser, errors, path, anchors, token, at);
        if (anchor != null) {
            anchors.put(anchor.toString(), node);
        }
        return node;
    }

    private static Node readOwnValue(YAMLParser parser, List<SyntaxError> errors, Deque<String> path,
            Map<String, Node> anchors, JsonToken token, Node.Position at) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Node.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Node.Position keyAt = position(parser.currentTokenLocation());
                    path.addLast(key);
                    parser.nextToken();
                    Node value = readValue(parser, errors, path, anchors);
                    if (entries.containsKey(key)) {
                        errors.add(new SyntaxError(keyAt, joined(path), "duplicate key '" + key + "' (first at line "
                                + entries.get(key).keyPosition().line() + ")"));
                    } else {
                        entries.put(key, new Node.Entry(key, keyAt, value));
                    }
                    path.removeLast();
                }
                return new Node.Mapping(entries, at);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    path.addLast("[" + items.size() + "]");
                    items.add(readValue(parser, errors, path, anchors));
                    path.removeLast();
                }
                return new Node.Sequence(items, at);
            }
            case VALUE_STRING:
                return new Node.Scalar(parser.getText(), Node.ScalarKind.STRING, at);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(parser.getText(), Node.ScalarKind.NUMBER, at);
            case VALUE_TRUE:
                // YAML 1.1 also spells booleans yes/no/on/off; keep the meaning, not the spelling.
                return new Node.Scalar("true", Node.ScalarKind.BOOLEAN, at);
            case VALUE_FALSE:
                return new Node.Scalar("false", Node.ScalarKind.BOOLEAN, at);
            case VALUE_NULL:
                return new Node.Scalar(parser.getText() == null ? "" : parser.getText(), Node.ScalarKind.NULL, at);
            default:
                throw new IllegalStateException("unexpected YAML token " + token + " at " + at);
        }
    }

    private static String joined(Deque<String> path) {
        StringBuilder b = new StringBuilder();
        for (String part : path) {
            if (b.length() > 0 && !part.startsWith("[")) {
                b.append('.');
            }
            b.append(part);
        }
        return b.toString();
    }

    private static Node.Position position(JsonLocation location) {
        return new Node.Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /**
     * SnakeYAML's messages span several lines with source snippets; keep the sentences, and where a
     * construct began elsewhere, say where: "while parsing a flow mapping (from line 3, column 8):
     * expected ',' or '}'".
     */
    static String summary(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable YAML";
        }
        List<String> sentences = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (String line : message.split("\\R")) {
            if (line.startsWith(" in ")) {
                int at = line.indexOf("line ");
                places.add(at < 0 ? "" : line.substring(at).replaceAll(":$", ""));
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                sentences.add(line.strip());
            }
        }
        if (sentences.size() == 2 && places.size() == 2) {
            return sentences.get(0) + " (from " + places.get(0) + "): " + sentences.get(1);
        }
        return String.join(": ", sentences);
    }
}
