package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.punchsim.reports.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of the shipped tune-interval-limit sweep, rendered by a real browser: one rates
 * chart per swept axis with its interval bands, the connect-time chart and the NAT-pair heat map
 * survive Chromium's parser. The screenshot is left in target/screenshots for a person to look at.
 * Skipped where no chromium binary is on the PATH.
 */
class TuneReportInChromiumTest {

    @TempDir
    Path dir;

    @Test
    void theTuneSweepReportRendersWithItsCharts() throws Exception {
        Optional<HeadlessChromium> chromium = HeadlessChromium.onPath();
        assumeTrue(chromium.isPresent(),
                "no chromium binary on PATH: skipping the browser check of report.html (install Debian's chromium)");
        Path out = dir.resolve("tune");
        Cli.Result sweep = Cli.run("sweep", Path.of("..", "scenarios", "examples", "tune-interval-limit.yaml").toString(),
                "--out", out.toString(), "--seeds", "60", "-q");
        assertThat(sweep.exit()).as(sweep.err()).isIn(ExitCode.OK, ExitCode.GATE_FAILED);
        String url = out.resolve("report.html").toUri().toString();

        Path screenshot = Path.of("target", "screenshots", "tune-interval-limit.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        chromium.get().run(dir, "--screenshot=" + screenshot, "--window-size=1280,2400", url);
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);

        String dom = chromium.get().run(dir, "--dump-dom", url);
        assertThat(count(dom, "<svg[^>]*class=\"chart chart-rates\"")).as("one rates chart per axis").isEqualTo(3);
        assertThat(count(dom, "<svg[^>]*class=\"chart chart-connect\"")).isEqualTo(1);
        assertThat(count(dom, "<svg[^>]*class=\"chart chart-natpairs\"")).isEqualTo(1);
        assertThat(dom).contains("band band-direct").contains("protocol.attempt-interval");
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }
}
