package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.reports.sweep.SweepReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Test
    void filesLandWholeInTheirFoldersBesideTheOthers() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("a.md"), "old");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("scenarios/one.yaml", "name: one\n");
        files.put("a.md", "new");

        assertThat(ReportWriter.writeAll(out, files)).containsExactly(out.resolve("scenarios/one.yaml"), out.resolve("a.md"));

        assertThat(out.resolve("scenarios/one.yaml")).hasContent("name: one");
        assertThat(out.resolve("a.md")).hasContent("new");
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aNameLeadingOutOfTheDirectoryWritesNothing() throws IOException {
        Path out = dir.resolve("out");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("fine.md", "fine");
        files.put("../escaped.md", "no");

        assertThatThrownBy(() -> ReportWriter.writeAll(out, files)).hasMessageContaining("../escaped.md");

        assertThat(dir.resolve("escaped.md")).doesNotExist();
        assertThat(out.resolve("fine.md")).as("nothing moved in before every file was staged").doesNotExist();
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    private static String[] names(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).toArray(String[]::new);
        }
    }
}
