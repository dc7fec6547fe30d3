package io.punchsim.scenarios.load;

import io.punchsim.scenarios.population.Population;
import io.punchsim.scenarios.yaml.Node;
import io.punchsim.scenarios.yaml.YamlTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The populations a scenario can name ({@code nat: {population: home-broadband}}), shipped as data
 * files (the module's {@code populations/} folder, inside the jar under {@link #RESOURCE_DIR}) and
 * read by the scenario binder itself, so a problem in one names its file, line and column.
 */
public final class Populations {

    /** Where the population files sit on the class path. */
    public static final String RESOURCE_DIR = "/io/punchsim/scenarios/populations/";

    /** The shipped populations, in listing order; a test keeps this list equal to the folder's files. */
    public static final List<String> NAMES = List.of("home-broadband", "mobile-cgnat", "mixed-players", "strict-networks");

    private static final Map<String, Population> LOADED = new HashMap<>();

    private Populations() {
    }

    /** The file name problems in a shipped population name. */
    public static String fileName(String name) {
        return "populations/" + name + ".yaml";
    }

    /** The text of a shipped population's file. */
    public static Optional<String> text(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = Populations.class.getResourceAsStream(RESOURCE_DIR + name + ".yaml")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shipped population, read once. */
    public static Population byName(String name) throws ScenarioException {
        return byName(name, new ArrayDeque<>());
    }

    /** Every shipped population, in listing order. */
    public static List<Population> all() throws ScenarioException {
        List<Population> all = new ArrayList<>();
        for (String name : NAMES) {
            all.add(byName(name));
        }
        return all;
    }

    // Synchronised: the binders of a sweep's points may ask from several threads; includes recurse.
    static synchronized Population byName(String name, Deque<String> including) throws ScenarioException {
        Population loaded = LOADED.get(name);
        if (loaded != null) {
            return loaded;
        }
        String file = fileName(name);
        String text = text(name).orElseThrow(() -> new ScenarioException(List.of(new Problem(file, 1, 1, "",
                "no such population; populations: " + String.join(", ", NAMES)))));
        including.push(name);
        try {
            Population population = load(file, text, including);
            LOADED.put(name, population);
            return population;
        } finally {
            including.pop();
        }
    }

    /**
     * Reads a population file's text; {@code fileName} is what problems name, and its last part
     * without {@code .yaml} is the name the file must give. Entries that take in a population name a
     * shipped one.
     */
    public static Population load(String fileName, String text) throws ScenarioException {
        Deque<String> including = new ArrayDeque<>();
        including.push(expectedName(fileName));
        return load(fileName, text, including);
    }

    private static String expectedName(String fileName) {
        return java.nio.file.Path.of(fileName).getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private static Population load(String fileName, String text, Deque<String> including) throws ScenarioException {
        YamlTreeReader.Result read = YamlTreeReader.read(text);
        List<Problem> problems = new ArrayList<>();
        for (YamlTreeReader.SyntaxError error : read.errors()) {
            problems.add(new Problem(fileName, error.position().line(), error.position().column(), error.keyPath(),
                    error.message()));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (read.tree().isEmpty() || read.tree().get() instanceof Node.Scalar scalar && scalar.type() == Node.ScalarKind.NULL) {
            throw new ScenarioException(List.of(new Problem(fileName, 1, 1, "",
                    "the file is empty; a population is a mapping of name, description and entries")));
        }
        Population population = new PopulationBinder(new Fields(fileName, problems), fileName, including)
                .bind(read.tree().get(), expectedName(fileName));
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return population;
    }
}
