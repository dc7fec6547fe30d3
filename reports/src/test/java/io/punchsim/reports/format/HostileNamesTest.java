package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.SyntheticRuns;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.compare.Comparison;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.sweep.ScenarioIdentity;
import io.punchsim.reports.sweep.SweepAxis;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A scenario's name and sweep values are free text; every format must carry them as text, never as markup. */
class HostileNamesTest {

    private static final String NAME = "evil <b>bold</b> & 'q', ü 日本\nsecond\rline";
    private static final String AXIS = "description";
    private static final String MARKED = "[link](x) ![img](y) **b** _i_ `c` ~s~ \\";
    private static final List<String> VALUES = List.of("a<img src=x>&c", "comma, \"quoted\"", "cr\ronly", "lf\nonly", MARKED);

    @Test
    void junitAttributesKeepLineBreaksThroughAParser() throws Exception {
        SweepReport report = sweep(7);
        Document doc = parse(JunitReport.write(report));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("punchsim.gates." + NAME);
        List<String> names = attributes(doc.getElementsByTagName("testcase"), "name");
        assertThat(names).hasSize(Reports.GATES.size() * VALUES.size())
                .contains(Reports.GATES.get(0).describe() + " @ " + AXIS + "=cr\ronly")
                .contains(Reports.GATES.get(0).describe() + " @ " + AXIS + "=lf\nonly");
        assertThat(attributes(doc.getElementsByTagName("testcase"), "classname")).containsOnly("punchsim.gates." + NAME);
    }

    @Test
    void comparisonJunitAttributesKeepLineBreaksThroughAParser() throws Exception {
        Comparison c = Comparison.of(sweep(7), sweep(8));
        Document doc = parse(ComparisonReport.junit(c));
        assertThat(attributes(doc.getElementsByTagName("testcase"), "name")).contains("direct-rate @ " + AXIS + "=lf\nonly");
        assertThat(attributes(doc.getElementsByTagName("testcase"), "classname")).containsOnly("punchsim.compare." + NAME);
    }

    @Test
    void markdownShowsMarkupAsTextAndKeepsTheHeadingOnOneLine() {
        String md = MarkdownReport.write(sweep(7));
        assertThat(md).startsWith("## punchsim sweep: evil &lt;b&gt;bold&lt;/b&gt; &amp; 'q', ü 日本 second line\n");
        assertThat(md).doesNotContain("<b>").doesNotContain("<img").doesNotContain("\r");
        assertThat(md).contains("| a&lt;img src=x&gt;&amp;c |").contains("| cr only |").contains("| lf only |");
        // Emphasis, code, links and images stay text: each marker backslash-escaped, as CommonMark allows.
        assertThat(md).contains("| [link\\](x) ![img\\](y) \\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~s\\~ \\\\ |")
                .doesNotContain("[link](x)");
        String compare = ComparisonReport.markdown(Comparison.of(sweep(7), sweep(8)));
        assertThat(compare).startsWith("## punchsim compare: evil &lt;b&gt;bold&lt;/b&gt; &amp; 'q', ü 日本 second line\n");
        assertThat(compare).doesNotContain("<b>").doesNotContain("<img");
    }

    @Test
    void csvShowsAFormulaAsTextButANumberAsANumber() {
        assertThat(Escape.csv("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Escape.csv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Escape.csv("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(Escape.csv("-2+3")).isEqualTo("'-2+3");
        assertThat(Escape.csv("\tx")).isEqualTo("'\tx");
        assertThat(Escape.csv("-1")).isEqualTo("-1");
        assertThat(Escape.csv("+2.5e3")).isEqualTo("+2.5e3");
        assertThat(Escape.csv("500ms")).isEqualTo("500ms");
        assertThat(Escape.csv("")).isEmpty();
    }

    @Test
    void csvQuotesAValueWithACarriageReturn() {
        String csv = CsvReport.write(sweep(7));
        assertThat(csv).contains("\n\"cr\ronly\",").contains("\n\"lf\nonly\",").contains("\n\"comma, \"\"quoted\"\"\",");
    }

    @Test
    void htmlEscapesTheNameAndTheValues() {
        String html = HtmlReport.write(sweep(7));
        assertThat(html).doesNotContain("<b>").doesNotContain("<img").doesNotContain("\r")
                .contains("evil &lt;b&gt;bold&lt;/b&gt; &amp; &#39;q&#39;, ü 日本\nsecond&#13;line")
                .contains("a&lt;img src=x&gt;&amp;c");
    }

    private static SweepReport sweep(long seed) {
        ScenarioIdentity scenario = new ScenarioIdentity(NAME, "sha256:0f1e2d", List.of(new SweepAxis(AXIS, VALUES)));
        Map<Map<String, String>, PointAggregate> points = new LinkedHashMap<>();
        for (int i = 0; i < VALUES.size(); i++) {
            PointAggregate a = new PointAggregate();
            for (RunOutcome run : SyntheticRuns.draw(seed + i, 400, 0.6, 0.3)) {
                a.add(SyntheticRuns.session(run));
            }
            points.put(Map.of(AXIS, VALUES.get(i)), a);
        }
        return SweepReport.judge(scenario, Reports.GATES, points, false,
                new WallClock(1.0, 1600, 1, 2, "OpenJDK 64-Bit Server VM 17", "Linux 6 amd64"));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> attributes(NodeList elements, String attribute) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            out.add(((Element) elements.item(i)).getAttribute(attribute));
        }
        return out;
    }
}
