package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.reports.format.ReportJson;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.precision.PrecisionStop;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Runs to a precision: whole batches in seed order until every listed rate's half-width is at most
 * the target. Where each point stops, and so its report, is the same for one thread and two, and
 * the target holds at the stop but not one batch earlier.
 */
class PrecisionRunTest {

    // Direct rate 1 - 0.75^L (ClosedFormLossTest): 0.44 at L = 2 needs about 1050 seeds for a 3%
    // half-width, 0.82 at L = 6 about 630; a cap of 400 stops both well before they get there.
    private static final String SCENARIO = """
            name: precision
            root-seed: 3
            host: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s}
            client: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s, join-delay: 0s}
            network:
              cloud: {latency: 30ms}
              stun: {latency: 20ms}
              peer-path: {latency: 5ms, loss: 50%%}
            protocol: {attempt-limit: 2, direct-fraction: 1}
            precision: {half-width: %s, metrics: [direct-rate], batch: 256, max-seeds: %d}
            sweep:
              protocol.attempt-limit: [2, 6]
            """;

    private static LoadedScenario load(String halfWidth, long maxSeeds) throws Exception {
        return ScenarioLoader.load("precision.yaml", SCENARIO.formatted(halfWidth, maxSeeds));
    }

    private static String withoutWallClock(SweepReport report) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(ReportJson.write(report));
        tree.remove("wallClock");
        return json.writeValueAsString(tree);
    }

    @Test
    void theSeedsEachPointNeedsAndItsReportAreTheSameForOneThreadAndTwo() throws Exception {
        LoadedScenario loaded = load("3%", 1_000_000);
        SweepReport one = SweepJob.prepare(loaded, SweepJob.Options.defaults().withThreads(1)).run();
        SweepJob two = SweepJob.prepare(loaded, SweepJob.Options.defaults().withThreads(2));
        SweepReport twoThreads = two.run();
        assertThat(Arrays.stream(two.runsByThread()).filter(n -> n > 0).count())
                .as("both threads ran something: %s", Arrays.toString(two.runsByThread())).isEqualTo(2);
        assertThat(twoThreads.points()).extracting(p -> p.stop().orElseThrow())
                .as("root seed %d", loaded.base().rootSeed())
                .isEqualTo(one.points().stream().map(p -> p.stop().orElseThrow()).toList());
        assertThat(withoutWallClock(twoThreads)).isEqualTo(withoutWallClock(one));
        assertThat(one.points()).extracting(p -> p.stop().orElseThrow().reason()).containsOnly(PrecisionStop.Reason.PRECISE);
    }

    @Test
    void theTargetHoldsAtTheStopAndNotOneBatchEarlier() throws Exception {
        LoadedScenario loaded = load("3%", 1_000_000);
        SweepJob job = SweepJob.prepare(loaded, SweepJob.Options.defaults().withThreads(2));
        SweepReport report = job.run();
        Precision rule = report.precision().orElseThrow();
        for (int i = 0; i < report.points().size(); i++) {
            SweepPoint point = report.points().get(i);
            long seeds = point.stop().orElseThrow().seeds();
            assertThat(seeds % rule.batch()).as("%s: whole batches", point.label()).isZero();
            assertThat(point.aggregate().runs()).isEqualTo(seeds);
            assertThat(Precision.halfWidth(rule.metrics().get(0), point.aggregate()))
                    .as("%s, root seed %d, %d seeds", point.label(), loaded.base().rootSeed(), seeds).isLessThanOrEqualTo(0.03);
            assertThat(rule.met(job.runSeeds(i, 0, seeds - rule.batch())))
                    .as("%s: one batch fewer than %d is not precise", point.label(), seeds).isFalse();
            assertThat(job.runSeeds(i, 0, seeds)).isEqualTo(point.aggregate());
        }
        // 0.44 needs more seeds than 0.82 for the same half-width.
        assertThat(report.points().get(0).stop().orElseThrow().seeds())
                .isGreaterThan(report.points().get(1).stop().orElseThrow().seeds());
    }

    @Test
    void aPointThatCannotReachTheTargetStopsAtTheCapAndSaysSo() throws Exception {
        SweepReport report = SweepJob.prepare(load("3%", 400), SweepJob.Options.defaults().withThreads(2)).run();
        assertThat(report.points()).extracting(p -> p.stop().orElseThrow())
                .containsExactly(new PrecisionStop(400, 2, PrecisionStop.Reason.MAX_SEEDS),
                        new PrecisionStop(400, 2, PrecisionStop.Reason.MAX_SEEDS));
        assertThat(report.totalRuns()).isEqualTo(800);
    }

    @Test
    void aSeedCountOverridesTheFilesPrecisionAndAHalfWidthJudgesEveryRate() throws Exception {
        LoadedScenario loaded = load("3%", 1_000_000);
        SweepJob fixed = SweepJob.prepare(loaded, SweepJob.Options.defaults().withSeeds(300).withThreads(1));
        assertThat(fixed.precision()).isEmpty();
        assertThat(fixed.totalRuns()).isEqualTo(600);
        assertThat(fixed.run().precision()).isEmpty();
        SweepJob everyRate = SweepJob.prepare(loaded, SweepJob.Options.defaults().withHalfWidth(0.05).withThreads(1));
        assertThat(everyRate.precision()).contains(new Precision(0.05, Precision.defaultMetrics(), 256, 1_000_000));
        SweepJob defaults = SweepJob.prepare(ScenarioLoader.load("p.yaml", "seeds: 10\n"),
                SweepJob.Options.defaults().withHalfWidth(0.05));
        assertThat(defaults.precision()).contains(new Precision(0.05, Precision.defaultMetrics(), 2048, 1_000_000));
    }
}
