package io.punchsim.scenarios.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.punchsim.scenarios.yaml.Node;
import io.punchsim.scenarios.yaml.YamlTreeReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The published JSON Schema, checked by a real validator against scenario text, as an editor
 * would check it. The YAML is read by the loader's own reader (aliases resolved, scalars typed as
 * the loader types them), so the schema judges exactly the tree the loader binds.
 */
public final class SchemaCheck {

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(JsonSchema.schema());

    private SchemaCheck() {
    }

    /** One complaint of the validator: where (as a dotted key path) and what. */
    public record Complaint(String keyPath, String message) {
        /** Whether this is about the value at {@code path} (a loader problem's key path) or inside it. */
        public boolean isAbout(String path) {
            return path.isEmpty() || keyPath.equals(path) || keyPath.startsWith(path + ".")
                    || keyPath.startsWith(path + "[");
        }

        @Override
        public String toString() {
            return (keyPath.isEmpty() ? "(top)" : keyPath) + ": " + message;
        }
    }

    /**
     * What the schema finds wrong with a scenario's text; empty when it accepts it. Text that is
     * not YAML at all gives empty, for the schema has nothing to judge.
     */
    public static Optional<List<Complaint>> complaints(String yaml) {
        YamlTreeReader.Result read = YamlTreeReader.read(yaml);
        if (!read.errors().isEmpty()) {
            return Optional.empty();
        }
        JsonNode document = read.tree().map(SchemaCheck::json).orElse(JsonNodeFactory.instance.nullNode());
        List<Complaint> complaints = new ArrayList<>();
        for (Error error : SCHEMA.validate(document)) {
            complaints.add(new Complaint(keyPath(error), error.getMessage()));
        }
        return Optional.of(complaints);
    }

    /**
     * The key path an error is at, in the loader's terms ({@code host.nat.mix[0].nat.mapping}):
     * the key an error is about (an unknown or a missing one) appended, and a sweep axis named by
     * its own dotted path, as the loader names problems of sweep values.
     */
    private static String keyPath(Error error) {
        StringBuilder path = new StringBuilder();
        NodePath location = error.getInstanceLocation();
        boolean inSweep = location.getNameCount() > 0 && "sweep".equals(location.getElement(0));
        int first = inSweep ? 1 : 0;
        for (int i = first; i < location.getNameCount(); i++) {
            // Inside one value of an axis the loader names keys from the axis path on, without the
            // value's index: the point it binds has that value at the axis path.
            if (inSweep && i == 2 && !(location.getElement(i) instanceof String)) {
                continue;
            }
            if (location.getElement(i) instanceof String key) {
                path.append(path.length() == 0 ? "" : ".").append(key);
            } else {
                path.append('[').append(location.getElement(i)).append(']');
            }
        }
        if (error.getProperty() != null) {
            path.append(path.length() == 0 ? "" : ".").append(error.getProperty());
        }
        return path.toString();
    }

    private static JsonNode json(Node node) {
        JsonNodeFactory j = JsonNodeFactory.instance;
        if (node instanceof Node.Mapping mapping) {
            ObjectNode o = j.objectNode();
            mapping.entries().values().forEach(e -> o.set(e.key(), json(e.value())));
            return o;
        }
        if (node instanceof Node.Sequence sequence) {
            ArrayNode a = j.arrayNode();
            sequence.items().forEach(item -> a.add(json(item)));
            return a;
        }
        Node.Scalar scalar = (Node.Scalar) node;
        return switch (scalar.type()) {
            case NULL -> j.nullNode();
            case BOOLEAN -> j.booleanNode(Boolean.parseBoolean(scalar.text()));
            case STRING -> j.textNode(scalar.text());
            case NUMBER -> number(scalar.text());
        };
    }

    private static JsonNode number(String text) {
        JsonNodeFactory j = JsonNodeFactory.instance;
        try {
            BigDecimal value = new BigDecimal(text.replace("_", ""));
            if (text.matches("[-+]?[0-9_]+")) {
                return j.numberNode(value.toBigIntegerExact());
            }
            return j.numberNode(value);
        } catch (NumberFormatException e) {
            // A YAML number form JSON has no word for (.inf, 0x1f): keep its text.
            return j.textNode(text);
        }
    }
}
