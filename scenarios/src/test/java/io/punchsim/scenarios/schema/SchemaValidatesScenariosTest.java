package io.punchsim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.punchsim.scenarios.load.Examples;
import io.punchsim.scenarios.load.Problem;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema, run by a real validator, agrees with the loader: it accepts every shipped example
 * and every good fixture, refuses every bad fixture at the key the loader names (except for the few
 * things no schema can say), and bounds every number where the loader bounds it.
 */
class SchemaValidatesScenariosTest {

    /** Bad fixtures only the loader can judge, and why; the schema must accept them, or leave the list. */
    private static final Map<String, String> BEYOND_A_SCHEMA = Map.of(
            "mix-weights.yaml", "weights must sum to 1, and a schema cannot add",
            "syntax-error.yaml", "it is not YAML, so there is no document to validate",
            "nat-conflict.yaml", "a mapping that one preset cannot take is a relation between two keys, which the schema does not express",
            "alias-bomb.yaml", "the reader refuses it before there is a document: its aliases stand for too many values",
            "binary-tag.yaml", "the reader refuses a YAML tag before there is a document",
            "unknown-tag.yaml", "the reader refuses a YAML tag before there is a document",
            "deep-nesting.yaml", "the reader refuses nesting this deep before there is a document",
            "invalid-utf8.yaml", "it is not UTF-8 text, so there is no document to validate");

    /** A key that takes a bounded number, found through the schema's sweep axes, and a value to try. */
    record Bound(String keyPath, String value, boolean allowed) {
        @Override
        public String toString() {
            return keyPath + ": " + value + (allowed ? " allowed" : " refused");
        }
    }

    /**
     * For every key whose schema is a number with a range: each end (or just inside an exclusive end)
     * is allowed, and one past each end is refused.
     */
    static List<Bound> bounds() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(JsonSchema.text());
        List<Bound> bounds = new ArrayList<>();
        schema.get("properties").get("sweep").get("properties").fields().forEachRemaining(axis -> {
            JsonNode value = resolve(schema, axis.getValue().get("items"));
            if (!value.path("type").asText().equals("integer") && !value.path("type").asText().equals("number")) {
                return;
            }
            BigDecimal step = value.get("type").asText().equals("integer") ? BigDecimal.ONE : new BigDecimal("0.5");
            if (value.has("minimum")) {
                bounds.add(new Bound(axis.getKey(), value.get("minimum").decimalValue().toPlainString(), true));
                bounds.add(new Bound(axis.getKey(), value.get("minimum").decimalValue().subtract(step).toPlainString(), false));
            }
            if (value.has("exclusiveMinimum")) {
                BigDecimal bound = value.get("exclusiveMinimum").decimalValue();
                bounds.add(new Bound(axis.getKey(), bound.add(step).toPlainString(), true));
                bounds.add(new Bound(axis.getKey(), bound.toPlainString(), false));
            }
            if (value.has("maximum")) {
                bounds.add(new Bound(axis.getKey(), value.get("maximum").decimalValue().toPlainString(), true));
                bounds.add(new Bound(axis.getKey(), value.get("maximum").decimalValue().add(step).toPlainString(), false));
            }
        });
        return bounds;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode node) {
        while (node.has("$ref")) {
            node = schema.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** A file that sets only {@code keyPath} to {@code value}, as nested flow mappings. */
    private static String fileSetting(String keyPath, String value) {
        String[] keys = keyPath.split("\\.");
        StringBuilder text = new StringBuilder(value);
        for (int i = keys.length - 1; i > 0; i--) {
            text.insert(0, "{" + keys[i] + ": ").append("}");
        }
        return keys[0] + ": " + text + "\n";
    }

    @Test
    void everyBoundedNumberIsFound() throws Exception {
        assertThat(bounds()).extracting(Bound::keyPath).contains("seeds", "protocol.attempt-limit",
                "host.nat.port-step", "protocol.game-phase.tick-rate", "client.link.down.latency.pareto.shape");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounds")
    void theSchemasRangesAreTheLoaders(Bound bound) {
        String text = fileSetting(bound.keyPath(), bound.value());
        ScenarioException refused = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load("range.yaml", text));
        boolean loaderRefuses = refused != null
                && refused.problems().stream().anyMatch(p -> p.keyPath().equals(bound.keyPath()));
        List<SchemaCheck.Complaint> complaints = SchemaCheck.complaints(text).orElseThrow();
        boolean schemaRefuses = complaints.stream().anyMatch(c -> c.isAbout(bound.keyPath()));
        assertThat(loaderRefuses).as("the loader on %s: %s", text.strip(), refused == null ? "accepted" : refused.problems())
                .isEqualTo(!bound.allowed());
        assertThat(schemaRefuses).as("the schema on %s: %s", text.strip(), complaints).isEqualTo(!bound.allowed());
    }

    static List<String> examples() {
        return Examples.NAMES;
    }

    static Stream<Path> goodFixtures() throws IOException {
        return fixtures("good");
    }

    static Stream<Path> badFixtures() throws IOException {
        return fixtures("bad");
    }

    private static Stream<Path> fixtures(String folder) throws IOException {
        return Files.list(Path.of("src/test/resources", folder)).filter(f -> f.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyShippedExampleValidates(String name) {
        assertThat(SchemaCheck.complaints(Examples.text(name).orElseThrow())).as(name).hasValue(List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodFixtures")
    void everyGoodFixtureValidates(Path file) throws IOException {
        assertThat(SchemaCheck.complaints(Files.readString(file))).as(file.toString()).hasValue(List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFixtures")
    void everyBadFixtureIsRefusedAtTheKeyTheLoaderNames(Path file) throws IOException {
        String name = file.getFileName().toString();
        ScenarioException refused = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertThat(refused).as("the loader refuses %s", name).isNotNull();
        // Undecodable bytes read as replacement characters: the loader, not this, judges the encoding.
        var complaints = SchemaCheck.complaints(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8));
        if (BEYOND_A_SCHEMA.containsKey(name)) {
            assertThat(complaints.orElse(List.of())).as("%s: %s", name, BEYOND_A_SCHEMA.get(name)).isEmpty();
            return;
        }
        assertThat(complaints).as("%s is YAML", name).isPresent();
        for (Problem problem : refused.problems()) {
            assertThat(complaints.get())
                    .as("%s: the loader says %s; the schema says %s", name, problem, complaints.get())
                    .anySatisfy(c -> assertThat(c.isAbout(problem.keyPath())).isTrue());
        }
    }
}
