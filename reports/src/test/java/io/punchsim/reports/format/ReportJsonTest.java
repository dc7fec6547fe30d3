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

    static String withoutWallClock(String json) {
        int at = json.indexOf("\"wallClock\"");
        assertThat(at).isPositive();
        return json.substring(0, at);
    }
}
