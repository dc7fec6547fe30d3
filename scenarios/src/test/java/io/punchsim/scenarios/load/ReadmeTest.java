package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeTest {

    @Test
    void theReadmeDocumentsEveryKeyTheLoaderAccepts() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(Keys.all()).allSatisfy(key -> assertThat(readme).as(key).contains("`" + key + "`"));
    }

    @Test
    void theJavaExampleIsTheTestThatRunsIt() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String test = Files.readString(Path.of("src/test/java/io/punchsim/scenarios/example/ConnectionGatesTest.java"));
        // The example is the test as a user would write it: everything after the package line.
        String example = test.substring(test.indexOf('\n') + 1).strip();
        assertThat(readme).contains("```java\n" + example + "\n```");
    }
}
