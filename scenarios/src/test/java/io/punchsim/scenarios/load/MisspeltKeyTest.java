package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.punchsim.scenarios.schema.SchemaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Misspells each key of a file that uses every key, one at a time, and checks the loader refuses
 * the file at exactly the line and column that was changed: no key anywhere is read leniently.
 * The JSON Schema refuses each of them too, at the same key.
 */
class MisspeltKeyTest {

    // A key, or a sweep axis (a dotted path whose every segment is a key).
    private static final Pattern KEY = Pattern.compile("([a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)*):(?=\\s|$)");

    @Test
    void everyMisspeltKeyIsReportedWhereItWasWritten() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/good/every-key.yaml"));
        int mutations = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = KEY.matcher(lines.get(i));
            while (m.find()) {
                // A shared NAT's name is the file's own word, not a key of the format: a misspelt one is
                // reported where a chain names it (see SharedNatTest).
                if (lines.get(i).stripLeading().startsWith("shared-nats:") && m.start() > lines.get(i).indexOf('{')) {
                    continue;
                }
                // Each segment of a dotted sweep axis is misspelt in turn; the problem is at the axis.
                List<Integer> segments = new ArrayList<>(List.of(m.start()));
                for (int dot = m.group(1).indexOf('.'); dot >= 0; dot = m.group(1).indexOf('.', dot + 1)) {
                    segments.add(m.start() + dot + 1);
                }
                for (int segment : segments) {
                    String line = lines.get(i);
                    List<String> copy = new ArrayList<>(lines);
                    copy.set(i, line.substring(0, segment + 1) + "zz" + line.substring(segment + 1));
                    int lineNo = i + 1;
                    int column = m.start() + 1;
                    mutations++;
                    ScenarioException e = catchThrowableOfType(ScenarioException.class,
                            () -> ScenarioLoader.load("k.yaml", String.join("\n", copy)));
                    Optional<Problem> found = e == null ? Optional.empty() : e.problems().stream()
                            .filter(p -> p.line() == lineNo && p.column() == column && p.message().startsWith("unknown"))
                            .findFirst();
                    if (found.isEmpty()) {
                        failures.add(lineNo + ":" + column + " '" + m.group(1) + "' -> "
                                + (e == null ? "accepted" : e.problems().toString()));
                    } else if (!refusedBySchema(String.join("\n", copy), found.get())) {
                        failures.add(lineNo + ":" + column + " '" + m.group(1) + "' -> the loader says " + found.get()
                            + "; the schema says " + SchemaCheck.complaints(String.join("\n", copy)).orElseThrow());
                    }
                }
            }
        }
        assertThat(mutations).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    /** Whether the JSON Schema refuses the text too, with a complaint about the key the loader names. */
    static boolean refusedBySchema(String text, Problem problem) {
        return SchemaCheck.complaints(text).orElseThrow().stream().anyMatch(c -> c.isAbout(problem.keyPath()));
    }
}
