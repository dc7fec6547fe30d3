package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} given a baseline that is not a report.json at all: one line naming the file, the
 * line and the column where it stops being JSON, exit 2, and no parser internals.
 */
class CorruptReportsTest {

    @TempDir
    Path dir;

    private Cli.Result compare(byte[] baseline) throws IOException {
        Path file = Files.write(dir.resolve("baseline.json"), baseline);
        return Cli.run("compare", file.toString(), file.toString());
    }

    @Test
    void aTruncatedReportNamesTheFileLineAndColumn() throws IOException {
        Cli.Result r = compare("{\n  \"schemaVersion\" : 1,\n  \"kind\" : \"sweep\",\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).startsWith("punchsim: " + dir.resolve("baseline.json") + ":4:1: not valid JSON: ")
                .doesNotContain("Source", "StreamReadFeature", "Exception").hasLineCount(1);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheirPlace() throws IOException {
        Cli.Result r = compare(new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'});
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).startsWith("punchsim: " + dir.resolve("baseline.json") + ":1:")
                .contains("UTF-8").doesNotContain("Input length").hasLineCount(1);
    }

    @Test
    void aReportWithoutASchemaVersionSaysSo() throws IOException {
        Cli.Result r = compare("{\"kind\" : \"sweep\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("there is no schemaVersion").doesNotContain("schemaVersion  is");
    }

    @Test
    void aReportOfAnotherKindNamesTheFileOnceAndWhatItFound() throws IOException {
        Cli.Result r = compare("{\"schemaVersion\" : 1}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("punchsim: " + dir.resolve("baseline.json")
                + ": not a punchsim report.json: kind must be 'sweep', got none" + System.lineSeparator());
    }
}
