package io.punchsim.spark;

import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.SweepJob;
import java.io.Serializable;

/**
 * What an executor needs to rebuild the driver's job: the scenario file's name and text (an
 * executor may not see the driver's files), the seeds per point and the chosen points. Rebuilt
 * from these, a job has the driver's points and seeds, so a run on an executor is the run of the
 * same number on the driver.
 *
 * @param seeds seeds per point, or 0 for the file's
 * @param point 0 for every point of the grid, -1 for the base scenario, {@code K} for point K
 */
public record JobSpec(String file, String text, long seeds, int point) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int ALL_POINTS = 0;
    public static final int BASE = -1;

    public JobSpec {
        if (seeds < 0 || point < BASE) {
            throw new IllegalArgumentException("seeds " + seeds + ", point " + point);
        }
    }

    /** The spec of the job these options choose from the file. */
    public static JobSpec of(String file, String text, SweepJob.Options options) {
        int point = ALL_POINTS;
        if (options.points() instanceof SweepJob.Points.Base) {
            point = BASE;
        } else if (options.points() instanceof SweepJob.Points.Only only) {
            point = only.number();
        }
        if (options.length() instanceof SweepJob.Length.ToPrecision || options.length() instanceof SweepJob.Length.ToHalfWidth) {
            throw new IllegalArgumentException("the Spark engine runs fixed seed counts; a precision run is not supported on it yet");
        }
        long seeds = options.length() instanceof SweepJob.Length.Seeds fixed ? fixed.seeds() : 0;
        return new JobSpec(file, text, seeds, point);
    }

    /** The job options of this spec, on one thread (an executor's task runs on one). */
    public SweepJob.Options options() {
        SweepJob.Points points = point == ALL_POINTS ? SweepJob.Points.all()
                : point == BASE ? SweepJob.Points.base() : SweepJob.Points.only(point);
        return new SweepJob.Options(seeds == 0 ? new SweepJob.Length.FromFile() : new SweepJob.Length.Seeds(seeds), 1, points);
    }

    /**
     * Loads and prepares the job.
     *
     * @throws ScenarioException if the file has problems
     * @throws IllegalArgumentException if a point cannot run
     */
    public SweepJob prepare() throws ScenarioException {
        LoadedScenario loaded = ScenarioLoader.load(file, text);
        return SweepJob.prepare(loaded, options());
    }

    @Override
    public String toString() {
        return file + " (" + (seeds == 0 ? "the file's seeds" : seeds + " seeds") + ", "
                + (point == ALL_POINTS ? "every point" : point == BASE ? "the base" : "point " + point) + ")";
    }
}
