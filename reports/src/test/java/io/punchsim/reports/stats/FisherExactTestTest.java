package io.punchsim.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FisherExactTestTest {

    @Test
    void ladyTastingTea() {
        // Fisher (1935): 3 of 4 milk-first cups identified; one-sided p = 17/70 = 0.2429, two-sided 34/70 = 0.4857.
        assertThat(FisherExactTest.greater(3, 1, 1, 3)).isCloseTo(17.0 / 70, within(1e-12));
        assertThat(FisherExactTest.twoSided(3, 1, 1, 3)).isCloseTo(34.0 / 70, within(1e-12));
        assertThat(FisherExactTest.less(3, 1, 1, 3)).isCloseTo(69.0 / 70, within(1e-12));
    }

    @Test
    void textbookDietingExample() {
        // The 2x2 table [[1, 9], [11, 3]] of the standard Fisher example: the table itself has probability
        // 0.001346 and the one more extreme 0.000034, so one-sided p = 0.00138; two-sided p = 0.002759.
        assertThat(FisherExactTest.less(1, 9, 11, 3)).isCloseTo(0.00138, within(5e-6));
        assertThat(FisherExactTest.twoSided(1, 9, 11, 3)).isCloseTo(0.002759, within(5e-7));
    }

    @Test
    void aTableWithNoAssociationHasPOne() {
        assertThat(FisherExactTest.twoSided(5, 5, 5, 5)).isCloseTo(1.0, within(1e-12));
    }
}
