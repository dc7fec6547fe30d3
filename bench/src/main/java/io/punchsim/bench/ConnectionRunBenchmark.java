package io.punchsim.bench;

import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.ConnectionRun;
import io.punchsim.scenarios.run.PreparedPoint;
import io.punchsim.scenarios.run.SweepJob;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One whole simulated connection, as a sweep runs it: the first point of a scenario file (by default
 * the README's main job), one seed after another, cycling over 10,000 seeds so the NATs drawn from
 * the scenario's mix come in their proportions. Run from the repository root, where the default
 * path resolves.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ConnectionRunBenchmark {

    @Param("scenarios/examples/fusion-default.yaml")
    public String scenario;

    private PreparedPoint point;
    private long seed;

    @Setup
    public void load() throws Exception {
        point = SweepJob.prepare(ScenarioLoader.load(Path.of(scenario))).points().get(0);
    }

    @Benchmark
    public RunOutcome run() {
        seed = (seed + 1) % 10_000;
        return ConnectionRun.run(point, seed);
    }
}
