package io.punchsim.reports.stats;

/** A test's statistic (z for the z-test, the observed top-left count for Fisher's) and its p-value. */
public record TestResult(ProportionTest.Method method, double statistic, double pValue) {
}
