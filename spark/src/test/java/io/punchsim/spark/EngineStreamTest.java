package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.punchsim.scenarios.run.RunFailedException;
import io.punchsim.scenarios.run.SweepJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the Spark JVM tells the punchsim command when a run threw: enough to rebuild the pipeline's exception. */
class EngineStreamTest {

    @Test
    void aRunThatThrewIsSentWithItsPointSeedAndTheExecutorsTrace() throws Exception {
        SweepJob job = Reports.spec("same-lan", 10).prepare();
        RunFailedException failure = new RunFailedException(job.points().get(1).point(), 17, new ArithmeticException("test"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new EngineStream(new PrintStream(bytes, true, StandardCharsets.UTF_8)).runFailed(1, 17, failure.getMessage(), failure.getCause());

        String line = bytes.toString(StandardCharsets.UTF_8);
        assertThat(line).startsWith(EngineStream.PREFIX).endsWith("\n").hasLineCount(1);
        JsonNode event = new ObjectMapper().readTree(line.substring(EngineStream.PREFIX.length()));
        assertThat(event.get("error").asText()).isEqualTo(failure.getMessage()).contains("seed 17", "sweep point 2");
        assertThat(event.get("point").asInt()).isEqualTo(1);
        assertThat(event.get("seed").asLong()).isEqualTo(17);
        assertThat(event.get("cause").asText()).startsWith("java.lang.ArithmeticException: test\n")
                .contains("at io.punchsim.spark.EngineStreamTest");
    }
}
