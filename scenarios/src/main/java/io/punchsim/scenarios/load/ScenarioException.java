package io.punchsim.scenarios.load;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be run, with every problem found in it. */
public final class ScenarioException extends Exception {

    /** Problems the message shows; {@link #problems()} has them all. */
    public static final int SHOWN = 50;

    private final List<Problem> problems;

    /** Problems are kept in file order (line, then column), whatever order they were found in. */
    public ScenarioException(List<Problem> problems) {
        this(sorted(problems), true);
    }

    private ScenarioException(List<Problem> sorted, boolean marker) {
        super(message(sorted));
        this.problems = sorted;
    }

    /** The first {@link #SHOWN} problems, one a line, then how many more there are. */
    private static String message(List<Problem> sorted) {
        String shown = sorted.stream().limit(SHOWN).map(Problem::toString).collect(Collectors.joining("\n"));
        return sorted.size() <= SHOWN ? shown : shown + "\n... and " + (sorted.size() - SHOWN) + " more problems";
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().distinct()
                .sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparingInt(Problem::column))
                .toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
