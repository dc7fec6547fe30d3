package io.punchsim.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static final long SEED = 42;

    @Test
    void roundTripRestoresEveryAggregateExactly() {
        SweepReport report = Reports.sweep(SEED);
        SweepReport back = ReportJson.read(ReportJson.write(report));
        assertThat(back.scenario()).isEqualTo(report.scenario());
        assertThat(back.gates()).isEqualTo(report.gates());
        assertThat(back.points()).hasSize(report.points().size());
        for (int i = 0; i < report.points().size(); i++) {
            assertThat(back.points().get(i).parameters()).isEqualTo(report.points().get(i).parameters());
            assertThat(back.points().get(i).aggregate()).as("point %d, seed %d", i, SEED).isEqualTo(report.points().get(i).aggregate());
            assertThat(back.points().get(i).verdicts()).isEqualTo(report.points().get(i).verdicts());
        }
        assertThat(back.wallClock()).isEqualTo(report.wallClock());
        assertThat(ReportJson.write(back)).isEqualTo(ReportJson.write(report));
    }

    @Test
    void sameRunsGiveTheSameBytesWhateverThePartitioningApartFromWallClock() {
        String oneThread = ReportJson.write(Reports.sweep(SEED, 1, new WallClock(9.0, 1000, 1, 2, "a", "b")));
        String eightParts = ReportJson.write(Reports.sweep(SEED, 8, new WallClock(1.5, 6000, 8, 2, "c", "d")));
        assertThat(oneThread).isNotEqualTo(eightParts);
        assertThat(withoutWallClock(eightParts)).isEqualTo(withoutWallClock(oneThread));
    }

    @Test
    void schemaIsVersionedAndWallClockIsTheLastSection() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ReportJson.write(Reports.sweep(SEED)));
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("schemaVersion", "kind", "scenario", "gates", "partial", "planned", "summary", "points",
                "wallClock");
        JsonNode point = root.get("points").get(0);
        assertThat(point.get("parameters").get("attempt-interval").asText()).isEqualTo("250ms");
        long runs = point.get("runs").asLong();
        long direct = point.get("outcomes").get("direct").get("count").asLong();
        assertThat(point.get("outcomes").get("direct").get("rate").asDouble()).isEqualTo((double) direct / runs);
        assertThat(point.get("connectTime").get("fromK1").get("direct").get("histogram").asText()).isNotEmpty();
        assertThat(point.get("digest").asText()).hasSize(32);
    }

    @Test
    void rejectsAnotherSchemaVersionWithAClearMessage() {
        String json = ReportJson.write(Reports.sweep(SEED)).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2");
        assertThatThrownBy(() -> ReportJson.read(json)).hasMessageContaining("schemaVersion 2 is not supported");
        assertThatThrownBy(() -> ReportJson.read("{")).hasMessageContaining("not valid JSON");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedWithTheLineAndColumnAndNoParserInternals() {
        assertThatThrownBy(() -> ReportJson.read("{\n  \"schemaVersion\" : 1,\n  \"kind\" :"))
                .isInstanceOfSatisfying(ReportSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).startsWith("not valid JSON: ").doesNotContain("Source", "StreamReadFeature", "start marker");
                });
        // Bytes that are not UTF-8 are a syntax error at their place, not a decoder's bare "Input length = 1".
        byte[] latin1 = "{\"kind\" : \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ReportJson.read(latin1))
                .isInstanceOfSatisfying(ReportSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isGreaterThan(1);
                    assertThat(e.reason()).containsIgnoringCase("UTF-8");
                });
    }

    @Test
    void anEmptyFileAndAMissingSchemaVersionSayWhatIsWrong() {
        assertThatThrownBy(() -> ReportJson.read(new byte[0])).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> ReportJson.read("{\"kind\" : \"sweep\"}")).hasMessageContaining("there is no schemaVersion");
    }

    @Test
    void aPrecisionRunStatesItsRuleAndEachPointsSeedsAndWhyItStoppedAndReadsBack() throws Exception {
        SweepReport fixed = Reports.sweep(SEED);
        io.punchsim.reports.precision.Precision rule = new io.punchsim.reports.precision.Precision(0.02,
                List.of(io.punchsim.reports.metric.Metrics.DIRECT_RATE), 500, 1_500);
        java.util.Map<java.util.Map<String, String>, io.punchsim.reports.aggregate.PointAggregate> points = new java.util.LinkedHashMap<>();
        List<io.punchsim.reports.precision.PrecisionStop> stops = new ArrayList<>();
        for (var p : fixed.points()) {
            points.put(p.parameters(), p.aggregate());
            stops.add(new io.punchsim.reports.precision.PrecisionStop(p.aggregate().runs(), 3,
                    rule.stop(p.aggregate()).orElseThrow()));
        }
        SweepReport report = SweepReport.judge(fixed.scenario(), fixed.gates(), points, rule, stops, false, fixed.wallClock());
        String json = ReportJson.write(report);
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("precision").get("halfWidth").asDouble()).isEqualTo(0.02);
        assertThat(root.get("precision").get("metrics").get(0).asText()).isEqualTo("direct-rate");
        JsonNode stop = root.get("points").get(0).get("precision");
        assertThat(stop.get("seeds").asLong()).isEqualTo(1_500);
        assertThat(stop.get("stoppedBecause").asText()).isIn("precise", "max-seeds");
        assertThat(stop.get("halfWidths").get("direct-rate").asDouble()).isPositive();
        SweepReport back = ReportJson.read(json);
        assertThat(back.precision()).contains(rule);
        assertThat(back.points()).extracting(p -> p.stop().orElseThrow()).isEqualTo(stops);
        assertThat(ReportJson.write(back)).isEqualTo(json);
        assertThat(new ObjectMapper().readTree(ReportJson.write(fixed)).has("precision")).as("a fixed seed count has none").isFalse();
        assertThat(MarkdownReport.write(report)).contains("**Precision:** every point ran direct-rate to a 95% half-width of 2%");
        assertThat(HtmlReport.write(report)).contains("<h2>Precision</h2>");
    }

    static String withoutWallClock(String json) {
        int at = json.indexOf("\"wallClock\"");
        assertThat(at).isPositive();
        return json.substring(0, at);
    }
}
