package io.punchsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.aggregate.ExampleSeeds;
import io.punchsim.reports.aggregate.NatPair;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The seeds a report keeps per outcome, failure reason and NAT pair are the smallest of that kind,
 * found here by running every seed of every point alone, and the same for any thread count; and a
 * run that throws names its point and seed.
 */
class ExampleSeedsTest {

    private static final Path SCENARIO = Path.of("src/test/resources/golden/golden-sweep.yaml");
    // Several chunks, so three threads interleave.
    private static final long SEEDS = 5L * SweepRunner.CHUNK + 17;

    @Test
    void theKeptSeedsAreTheSmallestOfEachKindForAnyThreadCount() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(SCENARIO);
        SweepReport one = SweepJob.prepare(loaded, SweepJob.Options.defaults().withSeeds(SEEDS).withThreads(1)).run();
        SweepJob job = SweepJob.prepare(loaded, SweepJob.Options.defaults().withSeeds(SEEDS).withThreads(3));
        SweepReport three = job.run();
        for (int p = 0; p < job.points().size(); p++) {
            PreparedPoint point = job.points().get(p);
            List<RunOutcome> runs = new ArrayList<>();
            for (long run = 0; run < SEEDS; run++) {
                runs.add(ConnectionRun.run(point, point.seed(run)));
            }
            PointAggregate a = three.points().get(p).aggregate();
            String where = point.point().label() + ", root seed " + loaded.base().rootSeed();
            assertThat(a.count(Outcome.FAILED)).as("the golden sweep has failures at %s", where).isPositive();
            for (Outcome o : Outcome.values()) {
                assertThat(a.exampleSeeds(o)).as("%s at %s", o, where).containsExactly(smallest(runs, r -> r.outcome() == o));
                assertThat(one.points().get(p).aggregate().exampleSeeds(o)).as("%s at %s, 1 thread", o, where)
                        .containsExactly(a.exampleSeeds(o));
            }
            for (FailureReason reason : FailureReason.values()) {
                assertThat(a.exampleSeeds(reason)).as("%s at %s", reason, where)
                        .containsExactly(smallest(runs, r -> r.failureReason() == reason));
            }
            for (NatPair pair : a.natPairs().keySet()) {
                assertThat(a.exampleSeeds(pair, Outcome.FAILED)).as("%s at %s", pair, where).containsExactly(smallest(runs,
                        r -> r.outcome() == Outcome.FAILED && r.hostNat().equals(pair.hostNat()) && r.clientNat().equals(pair.clientNat())));
            }
            // The seed a report names replays a run of that kind.
            long failed = a.exampleSeeds(Outcome.FAILED)[0];
            assertThat(ConnectionRun.run(point, failed).outcome()).as("seed %d at %s", failed, where).isEqualTo(Outcome.FAILED);
        }
    }

    @Test
    void aRunThatThrowsNamesItsPointAndSeed() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(SCENARIO);
        SweepPoint second = loaded.points().get(1);
        RunFailedException e = new RunFailedException(second, 20240617, new ArithmeticException("/ by zero"));
        assertThat(e).hasMessage("the run with seed 20240617 of sweep point 2 (protocol.attempt-limit=10) failed: "
                + "java.lang.ArithmeticException: / by zero");
        assertThat(e.point().index()).isEqualTo(1);
        assertThat(new RunFailedException(new SweepPoint(0, java.util.Map.of(), loaded.base()), 5, new IllegalStateException("x")))
                .hasMessage("the run with seed 5 failed: java.lang.IllegalStateException: x");
    }

    private static long[] smallest(List<RunOutcome> runs, Predicate<RunOutcome> kind) {
        LongStream seeds = runs.stream().filter(kind).mapToLong(RunOutcome::seed);
        return seeds.sorted().limit(ExampleSeeds.KEPT).toArray();
    }
}
