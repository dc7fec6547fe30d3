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
    void aStreamOfOtherSourcesDoesNotRenewAnAddresssBudget() {
        SourceBudget budget = new SourceBudget(2, 60 * S, 10);
        assertThat(budget.take(1, 0)).isTrue();
        assertThat(budget.take(1, 0)).isTrue();
        assertThat(budget.take(1, 0)).as("spent").isFalse();
        for (int address = 2; address < 1_000; address++) {
            budget.take(address, S);
        }
        assertThat(budget.size()).isEqualTo(10);
        assertThat(budget.take(1, 2 * S)).as("still spent after a thousand other sources").isFalse();
        // Once whole again, the eldest make room one by one.
        assertThat(budget.take(1_000, 61 * S)).as("a newcomer once the eldest is whole").isTrue();
        assertThat(budget.size()).isEqualTo(10);
    }

    @Test
    void aFullTableRefusesNewcomersUntilItsEldestIsWhole() {
        SourceBudget budget = new SourceBudget(2, 60 * S, 3);
        for (int address = 0; address < 3; address++) {
            assertThat(budget.take(address, address * S)).isTrue();
        }
        assertThat(budget.take(9, 10 * S)).as("the eldest is not whole until 30 s").isFalse();
        assertThat(budget.take(9, 30 * S)).as("the eldest whole at 30 s").isTrue();
        assertThat(budget.take(8, 30 * S)).as("the next eldest not whole until 31 s").isFalse();
        assertThat(budget.take(8, 31 * S)).isTrue();
    }

    /**
     * One address keeps its own budget spent and itself the one used least recently (a use, then
     * a stream of others): the others' budgets refill, and they make room, so newcomers are still
     * served. Only a full table of budgets all refilling shuts them out.
     */
    @Test
    void aSpentEldestDoesNotShutOutNewcomersWhileOthersAreWhole() {
        SourceBudget budget = new SourceBudget(2, 60 * S, 4);
        assertThat(budget.take(1, 0)).isTrue();
        assertThat(budget.take(1, 0)).isTrue();
        for (int address = 2; address <= 4; address++) {
            assertThat(budget.take(address, S)).isTrue();
        }
        // At 40 s address 1 is the eldest and spent until 60 s; the others were whole at 31 s.
        assertThat(budget.take(100, 40 * S)).as("a newcomer while the others are whole").isTrue();
        assertThat(budget.take(101, 40 * S)).as("and the next").isTrue();
        assertThat(budget.size()).isLessThanOrEqualTo(4);
        // Four budgets refilling: 1 (until 60 s), 100, 101 and the one just admitted.
        assertThat(budget.take(102, 40 * S)).isTrue();
        assertThat(budget.take(103, 40 * S)).as("every place refilling").isFalse();
    }

    @Test
    void aBudgetOfNothingAllowsNothing() {
        assertThat(new SourceBudget(0, 60 * S, 10).take(1, 0)).isFalse();
    }
}
