package io.punchsim.scenarios.load;

import io.punchsim.scenarios.model.Scenario;
import io.punchsim.scenarios.sweep.SweepPoint;
import io.punchsim.scenarios.sweep.TreeOverride;
import io.punchsim.scenarios.yaml.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario file as it was read, so that points other than the grid's can be bound from it: a
 * tune's candidates are the file with some key paths set to chosen values, validated exactly like
 * a sweep point. Problems name the line of the value (or, for a value made up by the tune, the
 * line of the key that asked for it).
 */
public final class ScenarioSource {

    /** A value put at a dotted key path; maps created on the way take {@code at}. */
    public record Override(String path, Node value, Node.Position at) {}

    private final String file;
    private final String defaultName;
    private final String text;
    private final Node.Mapping root;
    private final Node.Mapping points;

    ScenarioSource(String file, String defaultName, String text, Node.Mapping root) {
        this.file = file;
        this.defaultName = defaultName;
        this.text = text;
        this.root = root;
        Node.Mapping tree = root;
        for (String section : Keys.FILE_SECTIONS) {
            tree = TreeOverride.without(tree, section);
        }
        this.points = tree;
    }

    /** The file name problems name. */
    public String file() {
        return file;
    }

    /** The file's text as read. */
    public String text() {
        return text;
    }

    /** The file's tree as read, every section included. */
    public Node.Mapping root() {
        return root;
    }

    /** The tree a point is bound from: the file without its sweep, precision and tune sections, with the overrides in place. */
    public Node.Mapping tree(List<Override> overrides) {
        Node.Mapping tree = points;
        for (Override o : overrides) {
            Optional<String> error = TreeOverride.check(tree, o.path());
            if (error.isPresent()) {
                throw new IllegalArgumentException(file + ": " + o.path() + ": " + error.get());
            }
            tree = TreeOverride.with(tree, o.path(), o.value(), o.at());
        }
        return tree;
    }

    /** Why {@code path} cannot be set in the file, if it cannot. */
    public Optional<String> check(String path) {
        return TreeOverride.check(points, path);
    }

    /**
     * The point with these overrides, bound and checked as a sweep point is.
     *
     * @param index  the point's number, for its label
     * @param labels key path to value as reports show them, in order
     * @throws ScenarioException with every problem of the point
     */
    public SweepPoint bind(int index, Map<String, String> labels, List<Override> overrides) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        Scenario scenario = new ScenarioBinder(new Fields(file, problems), defaultName).bind(tree(overrides));
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new SweepPoint(index, new LinkedHashMap<>(labels), scenario);
    }

    /** The problems of binding these overrides, for the loader's checks. */
    List<Problem> problems(List<Override> overrides) {
        List<Problem> problems = new ArrayList<>();
        new ScenarioBinder(new Fields(file, problems), defaultName).bind(tree(overrides));
        return problems;
    }
}
