package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.reports.sweep.SweepReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryFormat() throws IOException {
        SweepReport report = Reports.sweep(5);
        Path out = dir.resolve("report");
        ReportWriter.write(out, report);
        assertThat(names(out)).containsExactlyInAnyOrder("report.json", "report.md", "report.html", "junit.xml", "report.csv");
        assertThat(Files.readString(out.resolve("report.json"))).isEqualTo(ReportJson.write(report));
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("report.html")))).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aFailedWriteLeavesNoTemporaryOrHalfWrittenFile() throws IOException {
        // report.html cannot be replaced: a non-empty directory has its name.
        Files.createDirectories(dir.resolve("report.html").resolve("blocker"));
        assertThatThrownBy(() -> ReportWriter.write(dir, Reports.sweep(5))).isInstanceOf(IOException.class);
        assertThat(names(dir)).noneMatch(n -> n.endsWith(".tmp"));
        assertThat(names(dir)).doesNotContain("junit.xml", "report.csv");
    }

    private static String[] names(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).toArray(String[]::new);
        }
    }
}
