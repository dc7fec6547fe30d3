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
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a {@link Node} tree that remembers where every key and value sits.
 * A file is text someone may have crafted: the reader stops at the first value past
 * {@link #MAX_VALUES} (aliases counted as the copies they stand for, so an alias bomb is refused
 * before anything expands it), past {@link #MAX_DEPTH} levels of nesting, and at any YAML tag
 * other than the core schema's.
 */
public final class YamlTreeReader {

    /** Values a document may hold, each alias counted as every value of its anchor. */
    public static final long MAX_VALUES = 100_000;
    /** Mappings and lists nested inside each other; a scenario needs fewer than ten. */
    public static final int MAX_DEPTH = 64;
    /** Characters a document may hold; the loader refuses larger files before reading them. */
    public static final int MAX_CHARS = 1 << 20;

    private static final String CORE = "tag:yaml.org,2002:";
    private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq");

    // The builder leaves off what the plain constructor turns on: an empty value is null.
    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // Backstops inside SnakeYAML; the reader's own counts below come first and say where.
        options.setCodePointLimit(MAX_CHARS + 1);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setMaxAliasesForCollections(1_000);
        return options;
    }

    /** A syntax problem: where, and what the parser said. */
    public record SyntaxError(Node.Position position, String keyPath, String message) {
    }

    /** The tree, or the first syntax error; an empty document gives neither tree nor error. */
    public record Result(Optional<Node> tree, List<SyntaxError> errors) {
    }

    /** A limit crossed or a construct refused: reading stops there. */
    private static final class Refused extends Exception {
        final Node.Position at;

        Refused(Node.Position at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    /** An anchored value and how many values it stands for. */
    private record Anchored(Node node, long values) {
    }

    private YamlTreeReader() {
    }

    public static Result read(String text) {
        List<SyntaxError> errors = new ArrayList<>();
        if (text.length() > MAX_CHARS) {
            errors.add(new SyntaxError(new Node.Position(1, 1), "", "the text has " + text.length()
                    + " characters; a scenario file holds at most " + MAX_CHARS + " (1 MiB)"));
            return new Result(Optional.empty(), errors);
        }
        Reading reading = new Reading(errors);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Result(Optional.empty(), errors);
            }
            Node tree = reading.value((YAMLParser) parser, 0);
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
        } catch (Refused e) {
            errors.add(new SyntaxError(e.at, joined(reading.path), e.getMessage()));
            return new Result(Optional.empty(), errors);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            // Jackson's location is that of the last token it read, which may be lines before the
            // offending character; SnakeYAML's message names the character itself.
            Node.Position at = problemMark(e)
                    .orElse(location == null ? new Node.Position(1, 1) : position(location));
            errors.add(new SyntaxError(at, joined(reading.path), "YAML syntax error: " + describe(e.getOriginalMessage())));
            return new Result(Optional.empty(), errors);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML's own limits throw its exceptions, not Jackson's; they still get a place.
            errors.add(new SyntaxError(new Node.Position(1, 1), joined(reading.path), "cannot read: " + summary(e.getMessage())));
            return new Result(Optional.empty(), errors);
        }
    }

    /** One read of one document: the keys being read, the anchors seen, the values counted. */
    private static final class Reading {
        final List<SyntaxError> errors;
        // On a syntax error it still holds the path to where the parser stopped.
        final Deque<String> path = new ArrayDeque<>();
        final Map<String, Anchored> anchors = new HashMap<>();
        long values;
        boolean aliased;

        Reading(List<SyntaxError> errors) {
            this.errors = errors;
        }

        private void count(long n, Node.Position at) throws Refused {
            values += n;
            if (values > MAX_VALUES) {
                throw new Refused(at, "more than " + MAX_VALUES + " values" + (aliased
                        ? ", counting each alias as a copy of its anchor (aliases of aliases multiply)" : "")
                        + "; a scenario needs far fewer");
            }
        }

        Node value(YAMLParser parser, int depth) throws IOException, Refused {
            JsonToken token = parser.currentToken();
            Node.Position at = position(parser.currentTokenLocation());
            if (parser.isCurrentAlias()) {
                // An alias stands for the anchored value; problems in it point at the anchor's text.
                Anchored anchored = anchors.get(parser.getText());
                if (anchored == null) {
                    errors.add(new SyntaxError(at, joined(path), "unknown alias *" + parser.getText()));
                    return new Node.Scalar("", Node.ScalarKind.NULL, at);
                }
                aliased = true;
                count(anchored.values(), at);
                return anchored.node();
            }
            String tag = parser.getTypeId();
            if (tag != null && !(tag.startsWith(CORE) && CORE_TAGS.contains(tag.substring(CORE.length())))) {
                String shown = tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length()) : "!" + tag;
                throw new Refused(at, "the YAML tag " + shown + " is not supported; a scenario value is a plain string,"
                        + " number, boolean, list or mapping");
            }
            Object anchor = parser.getObjectId();
            long before = values;
            count(1, at);
            Node node = own(parser, token, at, depth);
            if (anchor != null) {
                anchors.put(anchor.toString(), new Anchored(node, values - before));
            }
            return node;
        }

        private Node own(YAMLParser parser, JsonToken token, Node.Position at, int depth) throws IOException, Refused {
            if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
                throw new Refused(at, "nested more than " + MAX_DEPTH + " levels deep; a scenario needs fewer than ten");
            }
            switch (token) {
                case START_OBJECT: {
                    Map<String, Node.Entry> entries = new LinkedHashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        Node.Position keyAt = position(parser.currentTokenLocation());
                        path.addLast(key);
                        parser.nextToken();
                        Node value = value(parser, depth + 1);
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
                        items.add(value(parser, depth + 1));
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
                    throw new Refused(at, "a value YAML reads as " + token + " is not supported; a scenario value is a plain"
                            + " string, number, boolean, list or mapping");
            }
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

    /** Where SnakeYAML found what it could not read, when the error is its own and says so. */
    static Optional<Node.Position> problemMark(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                Mark mark = marked.getProblemMark();
                return Optional.of(new Node.Position(mark.getLine() + 1, mark.getColumn() + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * What to say of a syntax error. Jackson refuses a key that is a list or a mapping with a message
     * that names SnakeYAML's internal event class; say what is wrong in the file instead.
     */
    private static String describe(String message) {
        if (message != null && message.startsWith("Expected a field name")) {
            return "a key must be a plain string; a list or a mapping as a key (YAML's '? ' complex key) is not supported";
        }
        return summary(message);
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
