package io.punchsim.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentileChangeRuleTest {

    /** Each of 1..n milliseconds once, in nanoseconds. */
    private static Histogram uniform(int n, long offsetMs) {
        Histogram h = new Histogram(1_000, 2_000, 3);
        h.setAutoResize(true);
        for (int i = 1; i <= n; i++) {
            h.recordValue((i + offsetMs) * 1_000_000L);
        }
        return h;
    }

    @Test
    void medianIntervalIsTheTextbookOrderStatistics() {
        // n = 100, q = 0.5: ranks 50 -+ 1.96 * 5 = 40.2 .. 59.8 -> floor 40, ceil 60, i.e. 40 ms .. 60 ms.
        long[] ci = PercentileChangeRule.interval(uniform(100, 0), 50);
        assertThat((double) ci[0]).isBetween(40e6, 40e6 * 1.001);
        assertThat((double) ci[1]).isBetween(60e6, 60e6 * 1.001);
    }

    @Test
    void aShiftNeedsBothTheRelativeBoundAndDisjointIntervals() {
        Histogram base = uniform(1_000, 1_000);              // 1001..2000 ms, median ~1500
        assertThat(PercentileChangeRule.bound()).isEqualTo(0.10);
        assertThat(PercentileChangeRule.isChange(base, uniform(1_000, 1_100), 50)).as("+6.7%: below the bound").isFalse();
        assertThat(PercentileChangeRule.isChange(base, uniform(1_000, 1_400), 50)).as("+27%, intervals apart").isTrue();
        assertThat(PercentileChangeRule.isChange(uniform(29, 0), uniform(29, 100), 50)).as("too few runs").isFalse();
    }

    @Test
    void aPercentileOnAStepBetweenTwoModesIsNotAChange() {
        // Half the runs at 1 s, half at 2 s: the median sits on the step, its interval spans both modes.
        Histogram a = new Histogram(1_000, 2_000, 3);
        a.setAutoResize(true);
        a.recordValueWithCount(1_000_000_000L, 500);
        a.recordValueWithCount(2_000_000_000L, 500);
        Histogram b = new Histogram(1_000, 2_000, 3);
        b.setAutoResize(true);
        b.recordValueWithCount(1_000_000_000L, 499);
        b.recordValueWithCount(2_000_000_000L, 501);
        assertThat(a.getValueAtPercentile(50)).isNotEqualTo(b.getValueAtPercentile(50));
        assertThat(PercentileChangeRule.isChange(a, b, 50)).isFalse();
    }
}
