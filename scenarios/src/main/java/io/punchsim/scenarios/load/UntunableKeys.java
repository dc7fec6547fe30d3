package io.punchsim.scenarios.load;

import java.util.Map;
import java.util.Optional;

/**
 * The top-level keys a sweep may vary but a tune may not: a tune compares its candidates on the
 * same seeds, run to a precision, judged by its own constraints, so these would change nothing it
 * compares, or would compare candidates on different draws.
 */
public final class UntunableKeys {

    private static final Map<String, String> WHY = Map.of(
            "root-seed", "a tune runs every candidate on the same seeds, so root-seed cannot be tuned",
            "seeds", "a tune runs each candidate to its precision, not to a seed count, so seeds cannot be tuned",
            "name", "name only labels the reports; it changes no run, so it cannot be tuned",
            "description", "description only labels the reports; it changes no run, so it cannot be tuned",
            "gates", "a tune judges its constraints, not the file's gates, so gates cannot be tuned");

    private UntunableKeys() {
    }

    /** Why the tuned key path {@code path} cannot be tuned, if it cannot. */
    public static Optional<String> why(String path) {
        return Optional.ofNullable(WHY.get(path.split("\\.")[0]));
    }
}
