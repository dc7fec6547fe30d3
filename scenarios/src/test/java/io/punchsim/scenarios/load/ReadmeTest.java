package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.nat.NatPreset;
import io.punchsim.nat.NatPresets;
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

    @Test
    void thePresetTableIsTheRegistry() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        StringBuilder table = new StringBuilder("| preset | what it is |\n|---|---|\n");
        for (NatPreset preset : NatPresets.all()) {
            table.append("| `").append(preset.name()).append("` | ").append(preset.description()).append(" |\n");
        }
        assertThat(readme).as("the preset table, regenerated from NatPresets; paste:%n%s", table)
                .contains("The presets:\n\n" + table + "\n");
    }
}
