package io.punchsim.reports.stats;

/**
 * Chooses the test for the difference of two proportions: the pooled z-test when every expected
 * cell of the 2×2 table is at least {@value #MIN_EXPECTED}, Fisher's exact test otherwise, where the
 * normal approximation is poor.
 */
public final class ProportionTest {

    /** The usual rule of thumb (Cochran) for the normal approximation. */
    public static final double MIN_EXPECTED = 5.0;

    /** Which test produced a p-value. */
    public enum Method {
        Z_TEST("two-proportion z-test (pooled, two-sided)"),
        FISHER_EXACT("Fisher's exact test (two-sided)");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private ProportionTest() {
    }

    /** Tests x1/n1 against x2/n2. */
    public static TestResult test(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0) {
            throw new IllegalArgumentException("both samples need trials, got " + n1 + " and " + n2);
        }
        long n = n1 + n2;
        long successes = x1 + x2;
        long failures = n - successes;
        double minRow = Math.min(n1, n2);
        double minColumn = Math.min(successes, failures);
        double minExpected = minRow * minColumn / n;
        if (minExpected >= MIN_EXPECTED) {
            return TwoProportionTest.test(x1, n1, x2, n2);
        }
        double p = FisherExactTest.twoSided(x1, n1 - x1, x2, n2 - x2);
        return new TestResult(Method.FISHER_EXACT, x1, p);
    }
}
