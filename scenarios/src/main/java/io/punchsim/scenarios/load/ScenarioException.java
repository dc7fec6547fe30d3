package io.punchsim.scenarios.load;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be run, with every problem found in it. */
public final class ScenarioException extends Exception {

    private final List<Problem> problems;

    /** Problems are kept in file order (line, then column), whatever order they were found in. */
    public ScenarioException(List<Problem> problems) {
        this(sorted(problems), true);
    }

    private ScenarioException(List<Problem> sorted, boolean marker) {
        super(sorted.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = sorted;
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream()
                .sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparingInt(Problem::column))
                .toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
