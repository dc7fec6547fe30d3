package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.metric.Measurement;
import io.punchsim.reports.metric.Metric;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.metric.Unit;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every registered metric, with its value at every point, is in report.json, report.md,
 * report.html and report.csv: the writers iterate the registry, so a new metric needs no writer change.
 */
class EveryMetricInEveryFormatTest {

    private static final long SEED = 31;
    private static final SweepReport REPORT = Reports.sweep(SEED);

    @Test
    void json() throws Exception {
        JsonNode points = new ObjectMapper().readTree(ReportJson.write(REPORT)).get("points");
        for (int i = 0; i < REPORT.points().size(); i++) {
            JsonNode metrics = points.get(i).get("metrics");
            List<String> keys = iterate(metrics.fieldNames());
            assertThat(keys).as("point %d, seed %d", i, SEED).containsExactlyElementsOf(Metrics.all().stream().map(Metric::key).toList());
            PointAggregate a = REPORT.points().get(i).aggregate();
            for (Metric m : Metrics.all()) {
                Measurement x = m.measure(a);
                JsonNode node = metrics.get(m.key());
                assertThat(node.get("value").asDouble()).as("%s at point %d, seed %d", m.key(), i, SEED)
                        .isCloseTo(x.value(), within(1.0));
                assertThat(node.has("lower95")).as(m.key()).isEqualTo(m.isRate());
            }
        }
    }

    @Test
    void markdown() {
        String md = MarkdownReport.write(REPORT);
        for (Metric m : Metrics.all()) {
            assertThat(md).as(m.key()).contains("| " + Escape.markdownCell(m.label()) + " |");
            for (SweepPoint p : REPORT.points()) {
                assertThat(md).as("%s at %s, seed %d", m.key(), p.label(), SEED).contains("| " + Text.human(m, m.measure(p.aggregate())) + " |");
            }
        }
    }

    @Test
    void html() {
        String html = HtmlReport.write(REPORT);
        for (Metric m : Metrics.all()) {
            assertThat(html).as(m.key()).contains("<th title=\"" + Escape.xml(m.key() + ": " + m.meaning()) + "\">" + Escape.xml(m.label()) + "</th>");
            for (SweepPoint p : REPORT.points()) {
                assertThat(html).as("%s at %s, seed %d", m.key(), p.label(), SEED)
                        .contains("<td>" + Escape.xml(Text.human(m, m.measure(p.aggregate()))) + "</td>");
            }
        }
    }

    @Test
    void csv() {
        String[] lines = CsvReport.write(REPORT).split("\n");
        List<String> header = Arrays.asList(lines[0].split(","));
        for (Metric m : Metrics.all()) {
            assertThat(header).as(m.key()).containsAll(CsvReport.columns(m));
            int column = header.indexOf(CsvReport.columns(m).get(m.isRate() ? 1 : 0));
            for (int i = 0; i < REPORT.points().size(); i++) {
                String cell = lines[1 + i].split(",")[column];
                double expected = m.measure(REPORT.points().get(i).aggregate()).value();
                double scale = m.unit() == Unit.NANOSECONDS ? 1e6 : 1;
                assertThat(Double.parseDouble(cell) * scale).as("%s at point %d, seed %d", m.key(), i, SEED)
                        .isCloseTo(expected, within(scale * 1e-3));
            }
        }
    }

    private static List<String> iterate(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
