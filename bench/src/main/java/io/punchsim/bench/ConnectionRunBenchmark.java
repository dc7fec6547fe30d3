package io.punchsim.bench;

import io.punchsim.reports.outcome.SessionOutcome;
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
 * One whole simulated session, as a sweep runs it: a point of a scenario file (by default the first
 * of the README's main job), one seed after another, cycling over 10,000 seeds so the NATs drawn
 * from the scenario's mix come in their proportions. With {@code -p scenario=scenarios/examples/fusion-session.yaml
 * -p point=4} it is a session of nine clients, the warm cost of a session without the JIT's warm-up
 * a short sweep pays. Run from the repository root, where the default path resolves.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ConnectionRunBenchmark {

    @Param("scenarios/examples/fusion-default.yaml")
    public String scenario;

    /** The sweep point, from 1 in grid order, as {@code punchsim run --point} counts them. */
    @Param("1")
    public int point;

    private PreparedPoint prepared;
    private long seed;

    @Setup
    public void load() throws Exception {
        prepared = SweepJob.prepare(ScenarioLoader.load(Path.of(scenario))).points().get(point - 1);
    }

    @Benchmark
    public SessionOutcome run() {
        seed = (seed + 1) % 10_000;
        return ConnectionRun.session(prepared, seed, null);
    }
}
