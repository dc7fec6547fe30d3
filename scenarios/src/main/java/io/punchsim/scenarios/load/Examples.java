package io.punchsim.scenarios.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The example scenarios shipped in the jar (copied from the module's {@code examples/} folder). */
public final class Examples {

    /** Where the examples sit on the class path. */
    public static final String RESOURCE_DIR = "/io/punchsim/scenarios/examples/";

    /** File names of the shipped examples; a test keeps this list equal to the folder's contents. */
    public static final List<String> NAMES = List.of(
            "fusion-default.yaml", "nat-matrix.yaml", "tune-interval-limit.yaml", "lossy-mobile.yaml", "same-lan.yaml",
            "variants.yaml", "tune-fusion.yaml", "fusion-session.yaml");

    private Examples() {
    }

    /** The text of a shipped example, by file name with or without {@code .yaml}. */
    public static Optional<String> text(String name) {
        String file = name.endsWith(".yaml") ? name : name + ".yaml";
        if (!NAMES.contains(file)) {
            return Optional.empty();
        }
        try (InputStream in = Examples.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a shipped example; problems name it by its file name. */
    public static LoadedScenario load(String name) throws ScenarioException {
        String file = name.endsWith(".yaml") ? name : name + ".yaml";
        String text = text(file).orElseThrow(() -> new ScenarioException(List.of(new Problem(file, 1, 1, "",
                "no such example; examples: " + String.join(", ", NAMES)))));
        return ScenarioLoader.load(file, text);
    }
}
