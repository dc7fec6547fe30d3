package io.punchsim.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wilson score intervals against Newcombe (1998), "Two-sided confidence intervals for the single
 * proportion: comparison of seven methods", Statistics in Medicine 17:857-872, Table II, method 3
 * (score interval without continuity correction), given there to four decimals.
 */
class WilsonIntervalTest {

    @ParameterizedTest(name = "{0}/{1} -> [{2}, {3}]")
    @CsvSource({
            "81, 263, 0.2553, 0.3662",
            "15, 148, 0.0624, 0.1605",
            "0, 20, 0.0000, 0.1611",
            "1, 29, 0.0061, 0.1718",
    })
    void matchesNewcombesPublishedScoreIntervals(long successes, long trials, double lower, double upper) {
        Proportion p = Proportion.wilson(successes, trials);
        assertThat(p.lower()).as("lower").isCloseTo(lower, within(0.00006));
        assertThat(p.upper()).as("upper").isCloseTo(upper, within(0.00006));
        assertThat(p.estimate()).isEqualTo((double) successes / trials);
    }

    @Test
    void allSuccessesMirrorNoSuccesses() {
        // By symmetry of the score interval, 20/20 is 0/20 reflected: [1 - 0.1611, 1].
        Proportion p = Proportion.wilson(20, 20);
        assertThat(p.upper()).isEqualTo(1.0);
        assertThat(p.lower()).isCloseTo(1 - 0.1611, within(0.00006));
    }

    @Test
    void zeroSuccessesUpperBoundIsTheClosedForm() {
        // For x = 0 the score interval's upper end is z^2 / (n + z^2), with z = 1.959964.
        double z2 = 1.959963984540054 * 1.959963984540054;
        for (int n : new int[] {1, 5, 100, 10_000}) {
            assertThat(Proportion.wilson(0, n).upper()).as("n=%d", n).isCloseTo(z2 / (n + z2), within(1e-9));
            assertThat(Proportion.wilson(0, n).lower()).isEqualTo(0.0);
        }
    }

    @Test
    void noTrialsGivesTheWholeUnitInterval() {
        Proportion p = Proportion.wilson(0, 0);
        assertThat(p.lower()).isEqualTo(0.0);
        assertThat(p.upper()).isEqualTo(1.0);
    }
}
