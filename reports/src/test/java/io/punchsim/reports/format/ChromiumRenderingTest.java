package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.punchsim.reports.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
        Optional<HeadlessChromium> chromium = HeadlessChromium.onPath();
        assumeTrue(chromium.isPresent(), "no chromium binary on PATH: skipping the browser rendering check (install Debian's chromium package to run it)");
        Path out = dir.resolve("out");
        ReportWriter.write(out, Reports.sweep(3));
        String url = out.resolve("report.html").toUri().toString();

        Path screenshot = dir.resolve("report.png");
        chromium.get().run(dir, "--screenshot=" + screenshot, "--window-size=1200,2000", url);
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);

        String dom = chromium.get().run(dir, "--dump-dom", url);
        assertThat(HumanFormatsTest.count(dom, "<svg[^>]*class=\"chart chart-rates\"")).isEqualTo(2);
        assertThat(HumanFormatsTest.count(dom, "<svg[^>]*class=\"chart chart-connect\"")).isEqualTo(1);
        assertThat(HumanFormatsTest.count(dom, "<svg[^>]*class=\"chart chart-natpairs\"")).isEqualTo(1);
        assertThat(dom).contains("<polygon class=\"band band-direct\"").contains("<rect class=\"cell\"");
    }
}
