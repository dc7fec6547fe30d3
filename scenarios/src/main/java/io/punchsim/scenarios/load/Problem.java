package io.punchsim.scenarios.load;

/** One thing wrong with a scenario file, at a 1-based line and column, under a dotted key path. */
public record Problem(String file, int line, int column, String keyPath, String message) {

    /** {@code file:line:column: key.path: message}, the form editors and compilers use. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + message;
    }
}
