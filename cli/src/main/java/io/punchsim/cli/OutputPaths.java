package io.punchsim.cli;

import io.punchsim.reports.format.ReportDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output paths checked before any work is done, so a path that cannot be written costs one line
 * and exit code 2, not a finished sweep.
 */
final class OutputPaths {
    private OutputPaths() {}

    /** The report directory {@code option} names, checked and locked for this process. */
    static ReportDirectory reportDirectory(String option, Path directory) {
        try {
            return ReportDirectory.open(directory);
        } catch (IOException e) {
            throw new BadInputException(option + " " + e.getMessage(), e);
        }
    }

    /**
     * The file {@code option} names, made ready to be written: its directory created, and the
     * file itself not a directory and not under a file.
     */
    static Path file(String option, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new BadInputException(option + " " + file + ": is a directory, not a file");
        }
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BadInputException(option + " " + file + ": cannot create " + parent + ": "
                    + ReportDirectory.blockingFile(parent).orElse(describe(e)), e);
        }
        return file;
    }

    /**
     * The directory {@code option} names for files written one by one beside whatever else it holds
     * (the tune's, the calibration's): created now, so that a path that cannot be one fails before
     * the work rather than after it.
     */
    static Path directory(String option, Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new BadInputException(option + " " + directory + ": is a file, not a directory");
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new BadInputException(option + " " + directory + ": cannot create " + absolute.getParent() + ": "
                    + ReportDirectory.blockingFile(absolute).orElse(describe(e)), e);
        }
        if (!Files.isWritable(absolute)) {
            throw new BadInputException(option + " " + directory + ": cannot write into it: permission denied");
        }
        return directory;
    }

    static String describe(IOException e) {
        return ReportDirectory.describe(e);
    }
}
