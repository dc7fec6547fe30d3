package io.punchsim.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class TwoProportionTestTest {

    @Test
    void matchesTheHandWorkedExample() {
        // 60/100 vs 40/100: pooled p = 0.5, SE = sqrt(0.5 * 0.5 * (1/100 + 1/100)) = 0.0707107,
        // z = (0.4 - 0.6) / SE = -2.828427; two-sided p = erfc(2.828427 / sqrt 2) = 0.0046777.
        TestResult r = TwoProportionTest.test(60, 100, 40, 100);
        assertThat(r.statistic()).isCloseTo(-2.828427, within(1e-6));
        assertThat(r.pValue()).isCloseTo(0.0046777, within(1e-6));
    }

    @Test
    void squaredZEqualsPearsonsChiSquareOnTheSameTable() {
        // Without continuity correction the pooled z-test and the 2x2 chi-square test are the same test.
        long[][] table = {{412, 588}, {455, 545}};
        TestResult r = TwoProportionTest.test(412, 1000, 455, 1000);
        ChiSquareTest chi = new ChiSquareTest();
        assertThat(r.statistic() * r.statistic()).isCloseTo(chi.chiSquare(table), within(1e-9));
        assertThat(r.pValue()).isCloseTo(chi.chiSquareTest(table), within(1e-9));
    }

    @Test
    void identicalAllSuccessSamplesShowNoDifference() {
        assertThat(TwoProportionTest.test(50, 50, 80, 80).pValue()).isEqualTo(1.0);
        assertThat(TwoProportionTest.test(0, 50, 0, 80).pValue()).isEqualTo(1.0);
    }

    @Test
    void smallCountsGoToFishersExactTest() {
        // Expected smallest cell: 20 * 3 / 40 = 1.5 < 5.
        TestResult small = ProportionTest.test(0, 20, 3, 20);
        assertThat(small.method()).isEqualTo(ProportionTest.Method.FISHER_EXACT);
        // Fisher two-sided for [[0,20],[3,17]]: P(X=0) + P(X=3) = 2 * C(20,3)/C(40,3) = 2 * 1140/9880.
        assertThat(small.pValue()).isCloseTo(2 * 1140.0 / 9880.0, within(1e-12));
        assertThat(ProportionTest.test(60, 100, 40, 100).method()).isEqualTo(ProportionTest.Method.Z_TEST);
    }
}
