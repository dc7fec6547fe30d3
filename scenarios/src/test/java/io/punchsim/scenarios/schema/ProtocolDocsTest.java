package io.punchsim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's protocol table is the one generated from the parameter table. */
class ProtocolDocsTest {

    private static final Path README = Path.of("README.md");

    @Test
    void theReadmesProtocolTableIsTheGeneratedOne() throws Exception {
        String readme = Files.readString(README);
        int begin = readme.indexOf(ProtocolDocs.BEGIN);
        int end = readme.indexOf(ProtocolDocs.END);
        assertThat(begin).as("the README marks its protocol table").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = ProtocolDocs.BEGIN + "\n" + ProtocolDocs.markdownTable();
        String actual = readme.substring(begin, end);
        if (!actual.equals(expected) && Boolean.getBoolean("docs.update")) {
            Files.writeString(README, readme.substring(0, begin) + expected + readme.substring(end));
            return;
        }
        assertThat(actual).as("scenarios/README.md protocol table; regenerate with"
                + " ./mvnw -pl scenarios -am test -Dtest=ProtocolDocsTest -Ddocs.update=true -Dsurefire.failIfNoSpecifiedTests=false")
                .isEqualTo(expected);
    }
}
