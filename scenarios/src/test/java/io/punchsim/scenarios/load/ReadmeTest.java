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
}
