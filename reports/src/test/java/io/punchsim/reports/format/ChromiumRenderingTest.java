package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders report.html in headless Chromium with the network effectively off and checks the charts
 * survive a real browser's parser. Skipped where no {@code chromium} binary is on the PATH.
 */
class ChromiumRenderingTest {

    @TempDir
    Path dir;

    @Test
    void theReportRendersWithItsChartsInHeadlessChromium() throws Exception {
        Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser"));
        assumeTrue(chromium.isPresent(), "no chromium binary on PATH: skipping the browser rendering check (install Debian's chromium package to run it)");
        Path out = dir.resolve("out");
        ReportWriter.write(out, Reports.sweep(3));
        String url = out.resolve("report.html").toUri().toString();

        Path screenshot = dir.resolve("report.png");
        run(chromium.get(), "--screenshot=" + screenshot, "--window-size=1200,2000", url);
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);

        String dom = run(chromium.get(), "--dump-dom", url);
        assertThat(HumanFormatsTest.count(dom, "<svg[^>]*class=\"chart chart-rates\"")).isEqualTo(2);
        assertThat(HumanFormatsTest.count(dom, "<svg[^>]*class=\"chart chart-connect\"")).isEqualTo(1);
        assertThat(HumanFormatsTest.count(dom, "<svg[^>]*class=\"chart chart-natpairs\"")).isEqualTo(1);
        assertThat(dom).contains("<polygon class=\"band band-direct\"").contains("<rect class=\"cell\"");
    }

    private String run(Path chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(dir, "chromium", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + command);
        }
        assertThat(p.exitValue()).as("chromium exit code for %s", command).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static Optional<Path> onPath(String name) {
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
