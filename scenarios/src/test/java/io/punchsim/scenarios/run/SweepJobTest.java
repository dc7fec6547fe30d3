package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.format.ReportJson;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.load.Examples;
import io.punchsim.scenarios.load.LoadedScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepJobTest {

    private static String withoutWallClock(SweepReport report) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(ReportJson.write(report));
        tree.remove("wallClock");
        return json.writeValueAsString(tree);
    }

    @Test
    void runsSplitIntoRangesAndMergedGiveTheReportOfTheWholeRun() throws Exception {
        LoadedScenario loaded = Examples.load("same-lan");
        SweepJob.Options options = SweepJob.Options.defaults().withSeeds(300).withThreads(2);
        SweepReport whole = SweepJob.prepare(loaded, options).run();

        // As an engine on other machines would: uneven ranges, run in any order, merged per point.
        SweepJob job = SweepJob.prepare(loaded, options);
        List<PointAggregate> merged = new ArrayList<>();
        for (int point = 0; point < job.points().size(); point++) {
            PointAggregate aggregate = job.runSeeds(point, 170, 300);
            aggregate.merge(job.runSeeds(point, 0, 41));
            aggregate.merge(job.runSeeds(point, 41, 170));
            merged.add(aggregate);
        }
        SweepReport split = job.judge(merged, false, WallClock.ofThisMachine(1, job.totalRuns(), 1));

        assertThat(withoutWallClock(split)).as("same-lan, 300 seeds from root seed %d", loaded.base().rootSeed())
                .isEqualTo(withoutWallClock(whole));
    }

    @Test
    void aJobCancelledBeforeItRunsReportsNothingMarkedPartial() throws Exception {
        SweepJob job = SweepJob.prepare(Examples.load("nat-matrix"), SweepJob.Options.defaults().withThreads(1));
        job.cancel();
        SweepReport report = job.run();
        assertThat(report.partial()).isTrue();
        assertThat(report.points()).isEmpty();
        assertThat(job.runsDone()).isZero();
    }

    @Test
    void theBaseIgnoresTheSweepAndPointKIsTheKthOfTheGrid() throws Exception {
        LoadedScenario loaded = Examples.load("nat-matrix");
        SweepJob base = SweepJob.prepare(loaded, SweepJob.Options.defaults().withPoints(SweepJob.Points.base()));
        assertThat(base.points()).singleElement().satisfies(p -> {
            assertThat(p.point().values()).isEmpty();
            assertThat(p.scenario()).isEqualTo(loaded.base());
        });
        SweepJob seventh = SweepJob.prepare(loaded, SweepJob.Options.defaults().withPoints(SweepJob.Points.only(7)));
        assertThat(seventh.points()).singleElement().satisfies(p ->
                assertThat(p.point().values()).isEqualTo(Map.of("host.nat", "restricted-cone",
                        "client.nat", "port-restricted-cone")));
        assertThat(seventh.totalRuns()).isEqualTo(loaded.base().seeds());
        assertThatThrownBy(() -> SweepJob.prepare(loaded, SweepJob.Options.defaults().withPoints(SweepJob.Points.only(17))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nat-matrix.yaml: there is no sweep point 17; the points are 1..16");
    }

    @Test
    void aJobRunsOnce() throws Exception {
        SweepJob job = SweepJob.prepare(Examples.load("fusion-default"), SweepJob.Options.defaults().withSeeds(5));
        job.run();
        assertThatThrownBy(job::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void countsAreCheckedWithExactArithmeticAgainstTheirLimits() throws Exception {
        LoadedScenario loaded = Examples.load("fusion-default");
        assertThatThrownBy(() -> SweepJob.Options.defaults().withSeeds(Long.MAX_VALUE))
                .hasMessage("seeds must be within 1..100000000, got 9223372036854775807");
        assertThatThrownBy(() -> SweepJob.Options.defaults().withThreads(SweepJob.Options.MAX_THREADS + 1))
                .hasMessage("threads must be within 1..1024, got 1025");
        // 10,001 points of 100,000,000 seeds: more runs than one job may hold, refused before any point is prepared.
        List<io.punchsim.scenarios.sweep.SweepPoint> many = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            many.add(new io.punchsim.scenarios.sweep.SweepPoint(i, Map.of("seeds-axis", Integer.toString(i)), loaded.base()));
        }
        LoadedScenario huge = new LoadedScenario("huge.yaml", loaded.base(), loaded.sweep(), many);
        assertThatThrownBy(() -> SweepJob.prepare(huge, SweepJob.Options.defaults().withSeeds(100_000_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("huge.yaml: 10,001 points x 100,000,000 seeds = 1,000,100,000,000 runs; at most 1,000,000,000,000 runs"
                        + " are allowed in one job");
    }
}
