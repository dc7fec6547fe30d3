package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void distanceCountsEditsAndAdjacentSwapsAsOne() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("attempt-limt", "attempt-limit")).isEqualTo(1);
        assertThat(Suggestions.distance("semes", "seems")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }

    @Test
    void onlyNearCandidatesAreSuggested() {
        List<String> keys = List.of("attempt-interval", "attempt-limit", "direct-fraction");
        assertThat(Suggestions.closest("attempt-limt", keys)).contains("attempt-limit");
        assertThat(Suggestions.closest("atempt-interval", keys)).contains("attempt-interval");
        assertThat(Suggestions.closest("telepathy", keys)).isEmpty();
    }
}
