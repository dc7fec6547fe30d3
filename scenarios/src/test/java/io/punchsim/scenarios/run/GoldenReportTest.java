package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.format.ReportJson;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report.json of a small fixed sweep is committed and compared byte for byte, so neither the
 * documented schema (reports/README.md) nor the simulation's results drift unnoticed. The wall
 * clock is the one section a rerun changes; the report is written with a fixed one.
 *
 * <p>After an intended change, regenerate the file and review its diff:
 * {@value #REGENERATE}
 */
class GoldenReportTest {

    static final String REGENERATE = "./mvnw -q -B verify -pl scenarios -am -Dtest=GoldenReportTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true";

    private static final Path SCENARIO = Path.of("src/test/resources/golden/golden-sweep.yaml");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/report.json");
    private static final WallClock FIXED_CLOCK = new WallClock(0, 0, 1, 1, "fixed", "fixed");
    private static final int THREADS = 2;

    @Test
    void theGoldenSweepWritesTheCommittedReport() throws Exception {
        String actual = report(ScenarioLoader.load(SCENARIO));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(GOLDEN + " differs from the report of " + SCENARIO + ":\n" + firstDifference(expected, actual)
                    + "\nIf the change is intended, regenerate the file with\n  " + REGENERATE + "\nand review its diff.");
        }
    }

    private static String report(LoadedScenario loaded) {
        SweepJob job = SweepJob.prepare(loaded, SweepJob.Options.defaults().withThreads(THREADS));
        List<PointAggregate> aggregates = new java.util.ArrayList<>();
        for (int point = 0; point < job.points().size(); point++) {
            aggregates.add(job.runSeeds(point, 0, job.seedsPerPoint()));
        }
        return ReportJson.write(job.judge(aggregates, false, FIXED_CLOCK));
    }

    private static String firstDifference(String expected, String actual) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String where = path(json.readTree(expected), json.readTree(actual), "");
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int line = 0;
        while (line < e.size() && line < a.size() && e.get(line).equals(a.get(line))) {
            line++;
        }
        return "  first difference at " + (where == null ? "(same JSON, different text)" : where) + ", line " + (line + 1) + "\n"
                + "  expected: " + (line < e.size() ? e.get(line).strip() : "(end of file)") + "\n"
                + "  actual:   " + (line < a.size() ? a.get(line).strip() : "(end of file)");
    }

    /** The JSON path of the first field that differs, e.g. {@code points[1].metrics.direct-rate.value}; null when equal. */
    private static String path(JsonNode expected, JsonNode actual, String at) {
        if (expected.equals(actual)) {
            return null;
        }
        if (expected.isObject() && actual.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String here = at.isEmpty() ? f.getKey() : at + "." + f.getKey();
                if (!actual.has(f.getKey())) {
                    return here + " (missing)";
                }
                String inside = path(f.getValue(), actual.get(f.getKey()), here);
                if (inside != null) {
                    return inside;
                }
            }
            return at + " (a field was added)";
        }
        if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                String inside = path(expected.get(i), actual.get(i), at + "[" + i + "]");
                if (inside != null) {
                    return inside;
                }
            }
            return at + " (" + expected.size() + " elements, now " + actual.size() + ")";
        }
        return at;
    }
}
