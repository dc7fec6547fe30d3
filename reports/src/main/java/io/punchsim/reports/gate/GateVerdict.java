package io.punchsim.reports.gate;

/**
 * A gate judged on one sweep point. Numbers are in the metric's reported unit (fractions, seconds).
 *
 * @param measured the value compared with the bound: the rate estimate, the conservative interval
 *                 end, or the value itself for metrics without an interval (NaN when nothing could be measured)
 * @param estimate the point estimate
 * @param lower    the Wilson 95% lower bound for rates, the estimate otherwise
 * @param upper    the Wilson 95% upper bound for rates, the estimate otherwise
 */
public record GateVerdict(Gate gate, double measured, double estimate, double lower, double upper, boolean passed, String message) {
}
