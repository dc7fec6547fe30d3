package io.punchsim.scenarios.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The race against the full grid at the same precision, on a grid of 60 candidates whose front is
 * known: with every attempt direct and 50% loss each way, the direct rate depends on the attempt
 * limit alone (1 - 0.75^L) and the p95 grows with the interval, so the front is the shortest
 * interval at every limit. The race must find the same front, within intervals, for at most a fifth
 * of the grid's runs, and give the same result for one thread and two.
 */
class TuneEfficiencyTest {

    static final String SCENARIO = """
            name: tune-small
            root-seed: 5
            host: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s}
            client: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s, join-delay: 0s}
            network:
              cloud: {latency: 30ms}
              stun: {latency: 20ms}
              peer-path: {latency: 5ms, loss: 50%}
            protocol: {direct-fraction: 1}
            precision: {half-width: 2%, metrics: [direct-rate], batch: 256, max-seeds: 20000}
            tune:
              parameters:
                protocol.attempt-interval: {range: [100ms, 1s], step: 100ms}
                protocol.attempt-limit: {range: [2, 12], step: 2}
              objectives:
                - {maximize: direct-rate}
                - {minimize: connect-time-p95}
              initial: 6
            """;

    private static LoadedScenario loaded;
    private static TuneResult race;
    private static TuneResult grid;

    @BeforeAll
    static void tuneBothWays() throws Exception {
        loaded = ScenarioLoader.load("tune-small.yaml", SCENARIO);
        race = Tuner.prepare(loaded, Tuner.Options.defaults().withThreads(2)).run();
        grid = Tuner.prepare(loaded, Tuner.Options.defaults().withThreads(2).withMode(Tuner.Mode.FULL_GRID)).run();
    }

    /** Every point of one front is matched by a point of the other that is no worse beyond the intervals on every objective. */
    static List<String> unmatched(TuneResult from, TuneResult in) {
        List<String> missing = new ArrayList<>();
        for (TuneResult.Evaluated a : from.frontCandidates()) {
            boolean matched = in.frontCandidates().stream().anyMatch(b -> Tuner.covers(oriented(in, b.aggregate()),
                    oriented(from, a.aggregate())));
            if (!matched) {
                missing.add(a.label());
            }
        }
        return missing;
    }

    private static double[][] oriented(TuneResult r, PointAggregate a) {
        return r.spec().objectives().stream().map(o -> o.oriented(o.metric().interval(a))).toArray(double[][]::new);
    }

    @Test
    void theRaceFindsTheGridsFrontForAtMostAFifthOfItsRuns() {
        assertThat(grid.candidates()).hasSize(60);
        assertThat(race.runs() * 5).as("race %d runs, grid %d runs, root seed %d", race.runs(), grid.runs(),
                loaded.base().rootSeed()).isLessThanOrEqualTo(grid.runs());
        assertThat(unmatched(grid, race)).as("grid front points the race's front does not match").isEmpty();
        assertThat(unmatched(race, grid)).as("race front points the grid's front does not match").isEmpty();
        // In theory the front is the shortest interval at each limit; both find it.
        assertThat(grid.frontCandidates()).extracting(c -> c.parameters().get("protocol.attempt-interval")).containsOnly("100ms");
        assertThat(race.frontCandidates()).extracting(c -> c.parameters().get("protocol.attempt-interval")).containsOnly("100ms");
        assertThat(race.chosen().orElseThrow().parameters()).isEqualTo(grid.chosen().orElseThrow().parameters());
    }

    @Test
    void aFrontPointRunsExactlyAsInTheGridBecauseBothStopByTheSamePrecisionRule() {
        for (TuneResult.Evaluated c : race.frontCandidates()) {
            assertThat(c.aggregate()).as(c.label()).isEqualTo(grid.candidate(c.index()).aggregate());
        }
    }

    @Test
    void theTuneIsTheSameForOneThreadAndTwo() throws Exception {
        TuneResult one = Tuner.prepare(loaded, Tuner.Options.defaults().withThreads(1)).run();
        assertThat(withoutWallClock(TuneJson.write(one))).as("root seed %d", loaded.base().rootSeed())
                .isEqualTo(withoutWallClock(TuneJson.write(race)));
    }

    static String withoutWallClock(String json) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode tree = (ObjectNode) mapper.readTree(json);
        tree.remove("wallClock");
        return mapper.writeValueAsString(tree);
    }

    @Test
    void aFullGridTooLargeIsNamedWhereTheGridIsWritten() throws Exception {
        LoadedScenario large = ScenarioLoader.load("large.yaml", """
                tune:
                  parameters:
                    protocol.attempt-interval: {range: [10ms, 1010ms], step: 10ms}
                    protocol.attempt-limit: {range: [1, 101]}
                  objectives: [{maximize: direct-rate}]
                """);
        assertThatThrownBy(() -> Tuner.prepare(large, Tuner.Options.defaults().withMode(Tuner.Mode.FULL_GRID)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("large.yaml:3:5: tune.parameters: the full grid has 10201 candidates; a full grid runs at most 10000"
                        + " (a race takes the grid)");
    }
}
