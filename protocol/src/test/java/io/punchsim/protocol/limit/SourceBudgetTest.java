package io.punchsim.protocol.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceBudgetTest {

    private static final long S = 1_000_000_000L;

    @Test
    void aBurstAtOnceThenOneUsePerIntervalEachAddressOnItsOwn() {
        SourceBudget budget = new SourceBudget(3, 60 * S, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.take(1, 0)).as("use %d", i).isTrue();
        }
        assertThat(budget.take(1, 0)).isFalse();
        assertThat(budget.take(2, 0)).as("another address").isTrue();
        // One use comes back every 20 s.
        assertThat(budget.take(1, 19 * S)).isFalse();
        assertThat(budget.take(1, 20 * S)).isTrue();
        assertThat(budget.take(1, 20 * S)).isFalse();
    }

    @Test
    void theTableIsBoundedAndForgetsWholeBudgets() {
        SourceBudget budget = new SourceBudget(2, 60 * S, 10);
        for (int address = 0; address < 1_000; address++) {
            budget.take(address, 0);
        }
        assertThat(budget.size()).isEqualTo(10);
        budget.forgetRefilled(30 * S);
        assertThat(budget.size()).isZero();
    }

    @Test
    void aBudgetOfNothingAllowsNothing() {
        assertThat(new SourceBudget(0, 60 * S, 10).take(1, 0)).isFalse();
    }
}
