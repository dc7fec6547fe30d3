package io.punchsim.reports.sweep;

/**
 * What a sweep set out to run, so a report cut short can say how far it got.
 *
 * @param points       sweep points to run
 * @param runsPerPoint runs (seeds) of each point
 */
public record Plan(int points, long runsPerPoint) {

    public Plan {
        if (points < 0 || runsPerPoint < 0) {
            throw new IllegalArgumentException("a plan needs non-negative points and runs, got " + points + " x " + runsPerPoint);
        }
    }

    /** Every planned run; exact, since both factors are bounded where the job is prepared. */
    public long runs() {
        return Math.multiplyExact(points, runsPerPoint);
    }
}
