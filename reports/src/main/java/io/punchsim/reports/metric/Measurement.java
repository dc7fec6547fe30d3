package io.punchsim.reports.metric;

import io.punchsim.reports.stats.Proportion;

/** A metric read from one sweep point, in the metric's unit (times in nanoseconds). */
public sealed interface Measurement {

    /** Whether there was anything to measure: a connect time on a point where nothing connected has not. */
    boolean present();

    /** The point estimate; NaN when not present. */
    double value();

    /** A share of runs with its Wilson 95% interval; always present (with no runs: 0 in [0, 1]). */
    record Share(Proportion proportion) implements Measurement {
        @Override
        public boolean present() {
            return true;
        }

        @Override
        public double value() {
            return proportion.estimate();
        }
    }

    /**
     * A value without an interval.
     *
     * @param over       how many values it was taken over (0: not present)
     * @param population what those values are, e.g. {@code connected runs}
     * @param whole      whether the value is a whole number of the unit (a histogram value, not a mean)
     */
    record Amount(double value, long over, String population, boolean whole) implements Measurement {
        @Override
        public boolean present() {
            return over > 0;
        }
    }
}
