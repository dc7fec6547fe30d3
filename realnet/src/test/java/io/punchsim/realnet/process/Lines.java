package io.punchsim.realnet.process;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads fields from the JSON lines the commands print (flat objects of strings and numbers). */
public final class Lines {

    private Lines() {}

    public static Optional<String> field(String line, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}]+)").matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(2) != null ? m.group(2) : m.group(1));
    }

    public static boolean isStep(String line, String role, String step) {
        return field(line, "role").filter(role::equals).isPresent() && field(line, "step").filter(step::equals).isPresent();
    }

    /** The last line of {@code role} that carries an outcome. */
    public static String outcomeLine(List<String> lines, String role) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (field(line, "outcome").isPresent() && field(line, "role").filter(role::equals).isPresent()) {
                return line;
            }
        }
        throw new AssertionError("no outcome line for " + role + " in:\n" + String.join("\n", lines));
    }

    /** The steps of {@code role}, in the order printed. */
    public static List<String> steps(List<String> lines, String role) {
        return lines.stream().filter(l -> field(l, "role").filter(role::equals).isPresent())
                .flatMap(l -> field(l, "step").stream()).toList();
    }
}
