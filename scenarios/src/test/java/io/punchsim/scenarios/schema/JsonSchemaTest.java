package io.punchsim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.punchsim.scenarios.load.Examples;
import io.punchsim.scenarios.load.Keys;
import io.punchsim.scenarios.yaml.Node;
import io.punchsim.scenarios.yaml.YamlTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JsonSchemaTest {

    private static JsonNode parsed() throws Exception {
        return new ObjectMapper().readTree(JsonSchema.text());
    }

    /** Every name under any "properties" object of the schema; sweep axis paths count by their segments. */
    private static Set<String> schemaKeys(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fieldNames().forEachRemaining(name -> into.addAll(List.of(name.split("\\."))));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("properties") || !e.getValue().isObject()) {
                    schemaKeys(e.getValue(), into);
                } else {
                    e.getValue().elements().forEachRemaining(child -> schemaKeys(child, into));
                }
            }
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> schemaKeys(child, into));
        }
        return into;
    }

    /**
     * Every mapping key of a YAML file; sweep axis paths and tuned keys count by their segments.
     * The keys under a population's {@code weights} are entry names of the population files, which
     * the schema matches by a pattern, so they are not keys of the format; nor are the names of
     * shared NATs.
     */
    private static Set<String> fileKeys(Node node, String parent, boolean inPaths, Set<String> into) {
        if (node instanceof Node.Mapping m) {
            for (Node.Entry e : m.entries().values()) {
                if (inPaths) {
                    into.addAll(List.of(e.key().split("\\.")));
                } else {
                    into.add(e.key());
                }
                if (!inPaths && e.key().equals("weights") && m.entries().containsKey("population")) {
                    continue;
                }
                // The names of shared NATs are the file's own words too, matched by a pattern; their NATs are not.
                if (!inPaths && e.key().equals("shared-nats") && e.value() instanceof Node.Mapping shared) {
                    shared.entries().values().forEach(n -> fileKeys(n.value(), "", false, into));
                    continue;
                }
                boolean paths = !inPaths && (e.key().equals("sweep") || parent.equals("tune") && e.key().equals("parameters"));
                fileKeys(e.value(), inPaths ? "" : e.key(), paths, into);
            }
        } else if (node instanceof Node.Sequence s) {
            s.items().forEach(item -> fileKeys(item, "", false, into));
        }
        return into;
    }

    private static Set<String> fileKeys(String text) {
        return fileKeys(YamlTreeReader.read(text).tree().orElseThrow(), "", false, new TreeSet<>());
    }

    @Test
    void itIsADraft202012SchemaWhoseReferencesAllResolve() throws Exception {
        JsonNode schema = parsed();
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        Set<String> refs = new TreeSet<>();
        collectRefs(schema, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(schema.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
    }

    @Test
    void aSweepAxisIsAnyKeyPathThroughMappings() throws Exception {
        JsonNode axes = parsed().get("properties").get("sweep").get("properties");
        Set<String> paths = new TreeSet<>();
        axes.fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("seeds", "protocol.attempt-limit", "protocol.variants", "protocol.variants.peer-reflexive",
                "host.nat", "host.nat.hairpinning", "host.nat.full-cone", "client.link.up.latency.normal.sd",
                "network.cloud.from-client", "faults", "gates");
        assertThat(paths).noneMatch(path -> path.startsWith("sweep") || path.startsWith("precision") || path.startsWith("tune")
                || path.contains(".mix."));
        assertThat(parsed().get("properties").get("sweep").get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void aTunedKeyIsAnyAxisPathThatChangesWhatATuneComparesAndOnlyNumericProtocolKeysTakeARange() throws Exception {
        JsonNode tune = parsed().get("properties").get("tune");
        JsonNode parameters = tune.get("properties").get("parameters").get("properties");
        Set<String> tuned = new TreeSet<>();
        parameters.fieldNames().forEachRemaining(tuned::add);
        Set<String> axes = new TreeSet<>();
        parsed().get("properties").get("sweep").get("properties").fieldNames().forEachRemaining(axes::add);
        axes.removeAll(Set.of("root-seed", "seeds", "name", "description", "gates"));
        assertThat(tuned).isEqualTo(axes);
        assertThat(parameters.get("protocol.attempt-limit").has("anyOf")).isTrue();
        assertThat(parameters.get("protocol.variants.parallel-relay").has("anyOf")).as("a switch takes a list only").isFalse();
        assertThat(parameters.get("host.nat").has("anyOf")).isFalse();
    }

    private static void collectRefs(JsonNode node, Set<String> into) {
        if (node.has("$ref")) {
            into.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, into));
    }

    @Test
    void theSchemaDescribesExactlyTheKeysTheLoaderAccepts() throws Exception {
        assertThat(schemaKeys(parsed(), new TreeSet<>())).isEqualTo(Keys.all());
    }

    @Test
    void aFileUsingEveryKeyUsesExactlyTheSchemasKeys() throws Exception {
        // every-key.yaml loads (the loader test proves it), so each schema key is one the loader accepts.
        Set<String> used = fileKeys(Files.readString(Path.of("src/test/resources/good/every-key.yaml")));
        assertThat(used).isEqualTo(schemaKeys(parsed(), new TreeSet<>()));
    }

    @Test
    void everyKeyOfEveryExampleIsInTheSchema() throws Exception {
        Set<String> schema = schemaKeys(parsed(), new TreeSet<>());
        for (String name : Examples.NAMES) {
            assertThat(schema).as(name).containsAll(fileKeys(Examples.text(name).orElseThrow()));
        }
    }

    @Test
    void topLevelObjectsRefuseUnknownKeys() throws Exception {
        JsonNode schema = parsed();
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.get("$defs").get("protocol").get("additionalProperties").asBoolean(true)).isFalse();
    }
}
