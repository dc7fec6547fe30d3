package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.compare.Comparison;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HumanFormatsTest {

    private static final long SEED = 77;

    @Test
    void htmlCarriesOneRatesChartPerAxisAConnectTimeChartAndTheHeatMap() {
        SweepReport report = Reports.sweep(SEED);
        String html = HtmlReport.write(report);
        assertThat(count(html, "<svg[^>]*class=\"chart chart-rates\"")).isEqualTo(2);
        assertThat(count(html, "<svg[^>]*class=\"chart chart-connect\"")).isEqualTo(1);
        assertThat(count(html, "<svg[^>]*class=\"chart chart-natpairs\"")).isEqualTo(1);
        // Each rates chart: a band and a line per outcome.
        assertThat(count(html, "class=\"band band-direct\"")).isEqualTo(2);
        assertThat(count(html, "class=\"series series-failed\"")).isEqualTo(2);
        // 4 x 4 NAT pairs drawn by the synthetic runs.
        assertThat(count(html, "<rect class=\"cell\"")).isEqualTo(16);
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("@import").doesNotContain("url(");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void junitXmlHasOneCasePerGatePerPointAndFailuresCarryTheNumbers() throws Exception {
        SweepReport report = Reports.sweep(SEED);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JunitReport.write(report).getBytes(StandardCharsets.UTF_8)));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(Reports.GATES.size() * report.points().size());
        long expectedFailures = report.points().stream().flatMap(p -> p.verdicts().stream()).filter(v -> !v.passed()).count();
        assertThat(expectedFailures).as("the synthetic sweep has failing direct-rate points").isPositive();
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo((int) expectedFailures);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < failures.getLength(); i++) {
            texts.add(failures.item(i).getTextContent());
        }
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("measured: ").contains("bound: at-least 0.6").contains("Wilson 95% interval ["));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("failures")).isEqualTo(Long.toString(expectedFailures));
    }

    @Test
    void csvHasAHeaderAndOneRowPerPoint() {
        SweepReport report = Reports.sweep(SEED);
        String[] lines = CsvReport.write(report).split("\n");
        assertThat(lines).hasSize(1 + report.points().size());
        String[] header = lines[0].split(",");
        assertThat(header[0]).isEqualTo("attempt-interval");
        assertThat(header[1]).isEqualTo("loss");
        SweepPoint first = report.points().get(0);
        String[] row = lines[1].split(",");
        assertThat(row).hasSameSizeAs(header);
        assertThat(row[2]).isEqualTo(Long.toString(first.aggregate().runs()));
    }

    @Test
    void markdownSummarisesGatesPointsAndFailures() {
        SweepReport report = Reports.sweep(SEED);
        String md = MarkdownReport.write(report);
        assertThat(md).startsWith("## punchsim sweep: fusion-default");
        assertThat(md).contains("| attempt-interval | loss | runs | direct |");
        // One row per point in the points table (with runs), and again under "More metrics".
        assertThat(count(md, "\\n\\| (250ms|500ms|1s) \\| [^|]+ \\| 1500 \\|")).isEqualTo(report.points().size());
        assertThat(count(md, "\\n\\| (250ms|500ms|1s) \\|")).isEqualTo(2 * report.points().size());
        assertThat(md).contains("### Failed gates").contains("FAILED");
        assertThat(md).contains("host \\ client");
    }

    @Test
    void comparisonFormatsStateTheTestUsed() throws Exception {
        Comparison c = Comparison.of(Reports.sweep(SEED), Reports.sweep(SEED + 1_000));
        assertThat(ComparisonReport.markdown(c)).contains("two-proportion z-test").contains("Holm-Bonferroni");
        assertThat(ComparisonReport.json(c)).contains("\"method\"").contains("\"exitCode\" : " + c.exitCode());
        assertThat(ComparisonReport.html(c)).contains("class=\"chart chart-changes\"").doesNotContain("<script");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(ComparisonReport.junit(c).getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(c.changes().size());
        assertThat(ComparisonReport.csv(c).split("\n")).hasSize(1 + c.changes().size());
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
