package io.punchsim.reports.gate;

/**
 * A gate judged on one sweep point.
 *
 * @param measured the value compared with the bound: the rate estimate, the conservative interval
 *                 end, or the connect time in seconds (NaN when no run connected)
 * @param estimate the point estimate (rate, or seconds)
 * @param lower    the Wilson 95% lower bound for rates, the estimate for times
 * @param upper    the Wilson 95% upper bound for rates, the estimate for times
 */
public record GateVerdict(Gate gate, double measured, double estimate, double lower, double upper, boolean passed, String message) {
}
