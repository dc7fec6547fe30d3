package io.punchsim.reports.compare;

import io.punchsim.reports.metric.Metric;
import java.util.Map;

/**
 * One metric of one sweep point, baseline against current.
 *
 * @param baseline      the baseline value in the metric's reported unit (a rate, or seconds)
 * @param current       the current value
 * @param method        how significance was decided (a test's name, or the percentile rule)
 * @param pValue        the test's raw p-value; NaN for percentiles
 * @param adjustedP     the Holm-adjusted p-value; NaN for percentiles
 * @param significant   whether the change counts
 * @param direction     which way it moved, judged by whether higher is better for the metric
 */
public record Change(Map<String, String> parameters, String point, Metric metric, double baseline, double current,
                     String method, double pValue, double adjustedP, boolean significant, Direction direction) {

    public Change {
        parameters = Map.copyOf(parameters);
    }

    /** A significant change for the worse. */
    public boolean isRegression() {
        return significant && direction == Direction.WORSE;
    }
}
