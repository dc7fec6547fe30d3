package io.punchsim.spark;

import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.SweepJob;
import java.io.Serializable;

/**
 * What an executor needs to rebuild the driver's job: the scenario file's name and text (an
 * executor may not see the driver's files), how many seeds each point runs and the chosen points.
 * Rebuilt from these, a job has the driver's points, seeds and precision, so a run on an executor
 * is the run of the same number on the driver.
 *
 * @param seeds seeds per point, or 0 for the file's rule (its seeds, or its precision)
 * @param halfWidth every rate to this 95% half-width ({@code --precision}), or 0 for none
 * @param point 0 for every point of the grid, -1 for the base scenario, {@code K} for point K
 */
public record JobSpec(String file, String text, long seeds, double halfWidth, int point) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int ALL_POINTS = 0;
    public static final int BASE = -1;

    public JobSpec {
        if (seeds < 0 || !(halfWidth >= 0) || (seeds > 0 && halfWidth > 0) || point < BASE) {
            throw new IllegalArgumentException("seeds " + seeds + ", half-width " + halfWidth + ", point " + point);
        }
    }

    /**
     * The spec of the job these options choose from the file.
     *
     * @throws IllegalArgumentException for a {@link SweepJob.Length.ToPrecision}, a precision
     *     built in code, which an executor could not rebuild from the file
     */
    public static JobSpec of(String file, String text, SweepJob.Options options) {
        int point = ALL_POINTS;
        if (options.points() instanceof SweepJob.Points.Base) {
            point = BASE;
        } else if (options.points() instanceof SweepJob.Points.Only only) {
            point = only.number();
        }
        long seeds = 0;
        double halfWidth = 0;
        if (options.length() instanceof SweepJob.Length.Seeds fixed) {
            seeds = fixed.seeds();
        } else if (options.length() instanceof SweepJob.Length.ToHalfWidth to) {
            halfWidth = to.halfWidth();
        } else if (options.length() instanceof SweepJob.Length.ToPrecision) {
            throw new IllegalArgumentException("a precision built in code cannot be sent to executors; "
                    + "give it in the file or as a half-width");
        }
        return new JobSpec(file, text, seeds, halfWidth, point);
    }

    /** The job options of this spec, on one thread (an executor's task runs on one). */
    public SweepJob.Options options() {
        SweepJob.Points points = point == ALL_POINTS ? SweepJob.Points.all()
                : point == BASE ? SweepJob.Points.base() : SweepJob.Points.only(point);
        SweepJob.Length length = seeds > 0 ? new SweepJob.Length.Seeds(seeds)
                : halfWidth > 0 ? new SweepJob.Length.ToHalfWidth(halfWidth) : new SweepJob.Length.FromFile();
        return new SweepJob.Options(length, 1, points);
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
        return file + " (" + (seeds > 0 ? seeds + " seeds" : halfWidth > 0 ? "to a half-width of " + halfWidth : "the file's seeds")
                + ", "
                + (point == ALL_POINTS ? "every point" : point == BASE ? "the base" : "point " + point) + ")";
    }
}
