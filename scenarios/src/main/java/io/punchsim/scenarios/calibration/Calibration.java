package io.punchsim.scenarios.calibration;

import io.punchsim.reports.metric.Measurement;
import io.punchsim.reports.metric.Metrics;
import io.punchsim.reports.stats.Proportion;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.SweepJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the scenario of every field figure through the one pipeline ({@link SweepJob}) and sets the
 * simulator's direct rate, with its Wilson 95% interval, against each figure's band. A pure
 * function of the seed count: every scenario starts from root seed 1, whatever the threads.
 */
public final class Calibration {

    /** The seeds per figure the committed report was made with. */
    public static final long DEFAULT_SEEDS = 20_000;

    /** One figure with what the simulator gives for it. */
    public record Row(FieldFigure figure, Proportion direct, Verdict verdict, long rootSeed) {
    }

    private final List<FieldFigure> figures;
    private final List<SweepJob> jobs;
    /** For each figure, the job that runs its scenario: figures whose scenarios differ only in name share one. */
    private final List<Integer> jobOf;
    private final long seeds;

    private Calibration(List<FieldFigure> figures, List<SweepJob> jobs, List<Integer> jobOf, long seeds) {
        this.figures = figures;
        this.jobs = jobs;
        this.jobOf = jobOf;
        this.seeds = seeds;
    }

    /** Prepares every figure's scenario, so nothing runs unless every one can. */
    public static Calibration prepare(List<FieldFigure> figures, long seeds, int threads) throws ScenarioException {
        List<SweepJob> jobs = new ArrayList<>();
        List<Integer> jobOf = new ArrayList<>();
        Map<String, Integer> byRuns = new HashMap<>();
        for (FieldFigure figure : figures) {
            // A run is a function of the scenario and the seed, never of its name, description or comments.
            String runs = figure.scenario().lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("name:") && !l.startsWith("description:"))
                    .collect(Collectors.joining("\n"));
            Integer shared = byRuns.get(runs);
            if (shared == null) {
                shared = jobs.size();
                byRuns.put(runs, shared);
                jobs.add(SweepJob.prepare(ScenarioLoader.load(fileName(figure), figure.scenario()),
                        SweepJob.Options.defaults().withSeeds(seeds).withThreads(threads)));
            }
            jobOf.add(shared);
        }
        return new Calibration(List.copyOf(figures), jobs, List.copyOf(jobOf), seeds);
    }

    /** Where a figure's scenario is written: {@code scenarios/ID.yaml}, below the report's folder. */
    public static String fileName(FieldFigure figure) {
        return "scenarios/" + figure.id() + ".yaml";
    }

    public long seeds() {
        return seeds;
    }

    /** The runs {@link #run} makes: seeds times the distinct scenarios. */
    public long totalRuns() {
        return seeds * jobs.size();
    }

    /** Runs finished so far, for a progress bar; any thread may ask. */
    public long runsDone() {
        return jobs.stream().mapToLong(SweepJob::runsDone).sum();
    }

    /** Runs every figure's scenario in turn and judges each against its band. */
    public List<Row> run() {
        List<Proportion> direct = new ArrayList<>();
        for (SweepJob job : jobs) {
            SweepReport report = job.run();
            direct.add(((Measurement.Share) Metrics.DIRECT_RATE.measure(report.points().get(0).aggregate())).proportion());
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            FieldFigure figure = figures.get(i);
            Proportion rate = direct.get(jobOf.get(i));
            rows.add(new Row(figure, rate, Verdict.of(rate, figure.band()),
                    jobs.get(jobOf.get(i)).scenario().base().rootSeed()));
        }
        return rows;
    }
}
