package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report directory is checked before any work, locked against a second writer, and replaced as
 * a whole; what a killed writer leaves (each step's state, made here by hand) is undone by the
 * next open. The kill itself, in a real process at each step, is tested by the cli module.
 */
class ReportDirectoryTest {

    @TempDir
    Path dir;

    private static Map<String, String> set(String tag) {
        Map<String, String> files = new LinkedHashMap<>();
        ReportDirectory.SWEEP_FILES.forEach(f -> files.put(f, tag + " " + f));
        return files;
    }

    @Test
    void aNewSetReplacesTheOldOneAndKeepsTheComparisonBesideIt() throws IOException {
        Path out = dir.resolve("report");
        try (ReportDirectory d = ReportDirectory.open(out)) {
            d.write(set("old"));
        }
        Map<String, String> compare = new LinkedHashMap<>();
        ReportDirectory.COMPARE_FILES.forEach(f -> compare.put(f, "compare " + f));
        try (ReportDirectory d = ReportDirectory.open(out)) {
            d.write(compare);
        }
        try (ReportDirectory d = ReportDirectory.open(out)) {
            d.write(set("new"));
        }
        Map<String, String> expected = new TreeMap<>(set("new"));
        expected.putAll(compare);
        assertThat(contents(out)).isEqualTo(expected);
        assertThat(names(dir)).as("no lock, staging or old set left beside").containsExactly("report");
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("report.html")))).isEqualTo("rw-r--r--");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwxr-xr-x");
        }
    }

    @Test
    void aFileInTheWayIsRefusedBeforeAnyWork() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> ReportDirectory.open(file)).hasMessage(file + ": is a file, not a directory");
        assertThatThrownBy(() -> ReportDirectory.open(file.resolve("report")))
                .hasMessageStartingWith(file.resolve("report") + ": cannot create " + file).hasMessageContaining(file + " is a file");
        assertThatThrownBy(() -> ReportDirectory.open(file.resolve("a/b/report"))).hasMessageContaining(file + " is a file");
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(names(dir)).containsExactly("file");
    }

    @Test
    void aDirectoryWithFilesPunchsimDidNotWriteIsRefused() throws IOException {
        Path out = Files.createDirectories(dir.resolve("home"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.createDirectories(out.resolve("report.json"));
        assertThatThrownBy(() -> ReportDirectory.open(out)).hasMessageContaining("holds 2 entries such as 'notes.txt'")
                .hasMessageContaining("which punchsim did not write");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(names(dir)).containsExactly("home");
    }

    @Test
    void aReadOnlyDirectoryIsRefused() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root, where permissions do not stop writes; a path under a file is tested instead");
        Path parent = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> ReportDirectory.open(parent.resolve("report"))).hasMessageContaining("permission denied");
        } finally {
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws IOException {
        Path out = dir.resolve("report");
        try (ReportDirectory first = ReportDirectory.open(out)) {
            assertThatThrownBy(() -> ReportDirectory.open(out))
                    .hasMessage(out + ": another punchsim (process " + ProcessHandle.current().pid()
                            + ") is writing reports there; wait for it to finish or choose another directory");
            first.write(set("first"));
        }
        try (ReportDirectory second = ReportDirectory.open(out)) {
            second.write(set("second"));
        }
        assertThat(contents(out)).isEqualTo(new TreeMap<>(set("second")));
    }

    @Test
    void killedBeforeTheSwitchTheOldSetStaysAndTheStagedOneGoes() throws IOException {
        Path out = written("old");
        // What a writer killed at STAGED leaves: the whole new set beside, and its unlocked lock file.
        Path staged = Files.createDirectories(dir.resolve(".report.new-123"));
        writeSet(staged, "new");
        Files.writeString(dir.resolve(".report.lock"), "999999\n");
        // And temporary files of a writer that moved files in one by one.
        Files.writeString(out.resolve(".report.json.456.tmp"), "half");
        ReportDirectory.open(out).close();
        assertThat(contents(out)).isEqualTo(new TreeMap<>(set("old")));
        assertThat(names(dir)).containsExactly("report");
    }

    @Test
    void killedBetweenTheRenamesTheOldSetIsPutBack() throws IOException {
        Path out = written("old");
        // OLD_ASIDE: the old set renamed aside, the new one complete but not yet in place.
        Files.move(out, dir.resolve(".report.old-1"));
        writeSet(Files.createDirectories(dir.resolve(".report.new-2")), "new");
        try (ReportDirectory d = ReportDirectory.open(out)) {
            assertThat(contents(out)).isEqualTo(new TreeMap<>(set("old")));
            d.write(set("next"));
        }
        assertThat(contents(out)).isEqualTo(new TreeMap<>(set("next")));
        assertThat(names(dir)).containsExactly("report");
    }

    @Test
    void killedAfterTheSwitchTheNewSetStaysAndTheOldOneGoes() throws IOException {
        Path out = written("new");
        // SWITCHED: the new set in place, the old one still aside.
        writeSet(Files.createDirectories(dir.resolve(".report.old-7")), "old");
        ReportDirectory.open(out).close();
        assertThat(contents(out)).isEqualTo(new TreeMap<>(set("new")));
        assertThat(names(dir)).containsExactly("report");
    }

    @Test
    void aSymbolicLinkIsFollowedAndKept() throws IOException {
        Path real = written("old");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        try (ReportDirectory d = ReportDirectory.open(link)) {
            d.write(set("new"));
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(contents(link)).isEqualTo(new TreeMap<>(set("new")));
    }

    private Path written(String tag) throws IOException {
        Path out = dir.resolve("report");
        try (ReportDirectory d = ReportDirectory.open(out)) {
            d.write(set(tag));
        }
        return out;
    }

    private static void writeSet(Path into, String tag) throws IOException {
        for (Map.Entry<String, String> f : set(tag).entrySet()) {
            Files.writeString(into.resolve(f.getKey()), f.getValue());
        }
    }

    private static Map<String, String> contents(Path d) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(d)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static String[] names(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }
}
