package io.punchsim.reports.format;

import io.punchsim.reports.compare.Comparison;
import io.punchsim.reports.sweep.SweepReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders every format of a report and writes them into a {@link ReportDirectory}, which replaces
 * the directory's old set as a whole: a reader finds the whole old set or the whole new one.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** The sweep formats, by file name, in writing order. */
    public static Map<String, String> render(SweepReport report) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("report.json", ReportJson.write(report));
        files.put("report.md", MarkdownReport.write(report));
        files.put("report.html", HtmlReport.write(report));
        files.put("junit.xml", JunitReport.write(report));
        files.put("report.csv", CsvReport.write(report));
        return files;
    }

    /** The comparison formats, by file name. */
    public static Map<String, String> render(Comparison comparison) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("compare.json", ComparisonReport.json(comparison));
        files.put("compare.md", ComparisonReport.markdown(comparison));
        files.put("compare.html", ComparisonReport.html(comparison));
        files.put("compare-junit.xml", ComparisonReport.junit(comparison));
        files.put("compare.csv", ComparisonReport.csv(comparison));
        return files;
    }

    /** Writes {@code report.json}, {@code report.md}, {@code report.html}, {@code junit.xml} and {@code report.csv} into {@code directory}, as one unit. */
    public static List<Path> write(Path directory, SweepReport report) throws IOException {
        try (ReportDirectory out = ReportDirectory.open(directory)) {
            return out.write(render(report));
        }
    }

    /** Writes the comparison formats into {@code directory}, as one unit. */
    public static List<Path> write(Path directory, Comparison comparison) throws IOException {
        try (ReportDirectory out = ReportDirectory.open(directory)) {
            return out.write(render(comparison));
        }
    }

    /**
     * Writes files (name to content, in order) into {@code directory}, each staged beside its
     * target and moved into place only when all are rendered; other writers (the tune's, the
     * calibration's) use it too. A name may lead into a folder of {@code directory}
     * ({@code scenarios/a.yaml}), never out of it.
     */
    public static List<Path> writeAll(Path directory, Map<String, String> files) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = root.resolve(f.getKey()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IllegalArgumentException(f.getKey() + ": not a file name inside " + directory);
                }
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
                staged.put(temp, directory.resolve(f.getKey()));
                Files.writeString(temp, f.getValue(), StandardCharsets.UTF_8);
                ReportDirectory.readableByAll(temp);
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<Path, Path> move : staged.entrySet()) {
                try {
                    Files.move(move.getKey(), move.getValue(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(move.getKey(), move.getValue(), StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(move.getValue());
            }
            return written;
        } finally {
            for (Path temp : staged.keySet()) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
