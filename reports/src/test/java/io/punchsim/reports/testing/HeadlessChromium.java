package io.punchsim.reports.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Chromium binary from the PATH, run headless with the network effectively off, for the tests
 * that check report.html in a real browser (here and in the command-line module).
 */
public final class HeadlessChromium {
    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** {@code chromium} or {@code chromium-browser} from the PATH, if either is there. */
    public static Optional<HeadlessChromium> onPath() {
        return find("chromium").or(() -> find("chromium-browser")).map(HeadlessChromium::new);
    }

    /**
     * Runs the browser with {@code args} and a fresh profile under {@code workDir}, and returns what
     * it printed; fails if it does not finish within 120 s or exits with an error.
     */
    public String run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(workDir, "profile")));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(workDir, "chromium", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + command);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("chromium exit code for " + command + ": " + p.exitValue());
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
