package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.punchsim.reports.SyntheticRuns;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.sweep.Plan;
import io.punchsim.reports.sweep.SweepPoint;
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

/**
 * A sweep cut short says so in every format: the headline says how far it got and never that all
 * gates passed, junit.xml lists what was not judged as skipped, report.json keeps the plan and
 * does not claim the gates passed.
 */
class PartialReportTest {

    private static final long SEED = 404;
    private static final int RUNS = 1_500;
    private static final WallClock CLOCK = new WallClock(1, 1, 1, 1, "jvm", "os");

    /** Of the 6 points of the synthetic grid, 2 ran in full and the third was cut after 700 runs. */
    private static SweepReport partial(List<Gate> gates, double direct) {
        Map<Map<String, String>, PointAggregate> points = new LinkedHashMap<>();
        List<Map<String, String>> grid = Reports.SCENARIO.grid();
        for (int i = 0; i < 3; i++) {
            points.put(grid.get(i), SyntheticRuns.aggregate(SEED + i, i < 2 ? RUNS : 700, direct, 0.95 - direct));
        }
        return SweepReport.judge(Reports.SCENARIO, gates, points, true, CLOCK, new Plan(6, RUNS));
    }

    @Test
    void headlinesSayHowFarItGotAndNeverThatAllGatesPassed() {
        // Every check on what ran passes (direct 0.9 against a 0.6 bound), which must still not read as a pass.
        SweepReport report = partial(Reports.GATES, 0.9);
        assertThat(report.failures()).as("seed %d", SEED).isEmpty();
        assertThat(report.passed()).isFalse();
        assertThat(report.interruption()).isEqualTo("interrupted: 2 of 6 points (3,700 of 9,000 runs)");
        String md = MarkdownReport.write(report);
        String headline = md.lines().filter(l -> !l.isBlank()).skip(1).findFirst().orElseThrow();
        assertThat(headline).contains("interrupted: 2 of 6 points");
        assertThat(md).doesNotContainIgnoringCase("checks passed").doesNotContainIgnoringCase("all gates passed")
                .contains("**Gates: not judged**").contains("| 700 of 1500 |");
        String html = HtmlReport.write(report);
        assertThat(html).contains("interrupted: 2 of 6 points").doesNotContainIgnoringCase("all gates passed")
                .contains("<td>700 of 1500</td>");
    }

    @Test
    void junitSkipsThePointsThatDidNotRunAndThePointCutShort() throws Exception {
        SweepReport report = partial(Reports.GATES, 0.5);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JunitReport.write(report).getBytes(StandardCharsets.UTF_8)));
        NodeList cases = doc.getElementsByTagName("testcase");
        int gates = Reports.GATES.size();
        assertThat(cases.getLength()).isEqualTo(gates * 6);
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getElementsByTagName("skipped").getLength() > 0) {
                skipped.add(c.getAttribute("name"));
            }
        }
        List<Map<String, String>> grid = Reports.SCENARIO.grid();
        List<String> expected = new ArrayList<>();
        for (Gate g : Reports.GATES) {
            expected.add(g.describe() + " @ " + SweepPoint.label(grid.get(2)));
        }
        for (Gate g : Reports.GATES) {
            for (int i = 3; i < 6; i++) {
                expected.add(g.describe() + " @ " + SweepPoint.label(grid.get(i)));
            }
        }
        assertThat(skipped).containsExactlyElementsOf(expected);
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("skipped")).isEqualTo(Integer.toString(gates * 4));
        // Failures come only from the two points that ran in full.
        long failedOnComplete = report.points().subList(0, 2).stream().flatMap(p -> p.verdicts().stream()).filter(v -> !v.passed()).count();
        assertThat(failedOnComplete).as("direct 0.5 fails the 0.6 gate, seed %d", SEED).isPositive();
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo((int) failedOnComplete);
        assertThat(suite.getAttribute("failures")).isEqualTo(Long.toString(failedOnComplete));
    }

    @Test
    void reportJsonKeepsThePlanAndDoesNotClaimThatTheGatesPassed() throws Exception {
        SweepReport report = partial(Reports.GATES, 0.9);
        String json = ReportJson.write(report);
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("partial").asBoolean()).isTrue();
        assertThat(root.get("planned").get("points").asInt()).isEqualTo(6);
        assertThat(root.get("planned").get("runsPerPoint").asLong()).isEqualTo(RUNS);
        assertThat(root.get("planned").get("runs").asLong()).isEqualTo(6L * RUNS);
        assertThat(root.get("summary").get("gatesPassed").asBoolean()).isFalse();
        assertThat(root.get("summary").get("completePoints").asInt()).isEqualTo(2);
        SweepReport back = ReportJson.read(json);
        assertThat(back.plan()).isEqualTo(report.plan());
        assertThat(back.interruption()).isEqualTo(report.interruption());
        assertThat(ReportJson.write(back)).isEqualTo(json);
    }

    @Test
    void aSweepWithoutGatesShowsNoVerdictOnAnyPoint() {
        SweepReport whole = Reports.sweep(SEED);
        SweepReport noGates = new SweepReport(whole.scenario(), List.of(), whole.points().stream()
                .map(p -> new SweepPoint(p.parameters(), p.aggregate(), List.of())).toList(), false, whole.wallClock());
        String html = HtmlReport.write(noGates);
        assertThat(html).contains("<p>No gates.</p>").doesNotContain("class=\"pass\"").doesNotContain(">pass<");
        assertThat(MarkdownReport.write(noGates)).contains("No gates.").doesNotContain(" pass |");
    }
}
