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
 * Replaces each scalar value of a file that uses every key, one at a time, with an empty list, a
 * type no scalar place accepts, and checks the loader refuses the file at exactly that value, and
 * the JSON Schema refuses it too, at the same key.
 */
class WrongValueTest {

    // A plain scalar after "key: ", "[", ", " or "- ", that is not itself a key.
    private static final Pattern VALUE = Pattern.compile("(?<=: |\\[|, |- )([A-Za-z0-9.%/_-]++)(?!:)");

    @Test
    void everyScalarValueIsTypeChecked() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/good/every-key.yaml"));
        int mutations = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = VALUE.matcher(lines.get(i));
            while (m.find()) {
                String line = lines.get(i);
                List<String> copy = new ArrayList<>(lines);
                copy.set(i, line.substring(0, m.start()) + "[]" + line.substring(m.end()));
                int lineNo = i + 1;
                int column = m.start() + 1;
                mutations++;
                ScenarioException e = catchThrowableOfType(ScenarioException.class,
                        () -> ScenarioLoader.load("v.yaml", String.join("\n", copy)));
                Optional<Problem> found = e == null ? Optional.empty() : e.problems().stream()
                        .filter(p -> p.line() == lineNo && p.column() == column)
                        .findFirst();
                if (found.isEmpty()) {
                    failures.add(lineNo + ":" + column + " '" + m.group(1) + "' -> "
                            + (e == null ? "accepted" : e.problems().toString()));
                } else if (!MisspeltKeyTest.refusedBySchema(String.join("\n", copy), found.get())) {
                    failures.add(lineNo + ":" + column + " '" + m.group(1) + "' -> the loader says " + found.get()
                            + "; the schema says " + SchemaCheck.complaints(String.join("\n", copy)).orElseThrow());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(mutations).isGreaterThan(90);
    }
}
