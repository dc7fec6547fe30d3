package io.punchsim.protocol.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void durationsReadInEveryUnitExactly() {
        assertThat(Units.parseDuration("500ms")).isEqualTo(500_000_000L);
        assertThat(Units.parseDuration("2s")).isEqualTo(2_000_000_000L);
        assertThat(Units.parseDuration("1.5s")).isEqualTo(1_500_000_000L);
        assertThat(Units.parseDuration("0.1s")).isEqualTo(100_000_000L);
        assertThat(Units.parseDuration("250us")).isEqualTo(250_000L);
        assertThat(Units.parseDuration("7ns")).isEqualTo(7L);
        assertThat(Units.parseDuration("2m")).isEqualTo(120_000_000_000L);
        assertThat(Units.parseDuration("1h")).isEqualTo(3_600_000_000_000L);
        assertThat(Units.parseDuration("0s")).isZero();
    }

    @Test
    void aBareNumberIsNotADurationAndTheMessageShowsTheForm() {
        assertThatThrownBy(() -> Units.parseDuration("500"))
                .isInstanceOf(ValueException.class)
                .hasMessageContaining("no unit")
                .hasMessageContaining("500ms");
    }

    @Test
    void unknownUnitsAndSubNanosecondValuesAreRefused() {
        assertThatThrownBy(() -> Units.parseDuration("5 parsecs")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Units.parseDuration("-5ms")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Units.parseDuration("1.5ns")).hasMessageContaining("finer than a nanosecond");
    }

    @Test
    void ratesReadAsPercentagesOrDecimals() {
        assertThat(Units.parseRate("5%")).isCloseTo(0.05, within(1e-15));
        assertThat(Units.parseRate("0.05")).isEqualTo(0.05);
        assertThat(Units.parseRate("100%")).isEqualTo(1.0);
        assertThat(Units.parseRate("0")).isEqualTo(0.0);
        assertThatThrownBy(() -> Units.parseRate("150%")).hasMessageContaining("0..1");
        assertThatThrownBy(() -> Units.parseRate("1.2")).hasMessageContaining("0..1");
        assertThatThrownBy(() -> Units.parseRate("2/3")).hasMessageContaining("not a percentage like 5%");
    }

    @Test
    void protocolFractionsStayExact() {
        assertThatThrownBy(() -> Units.parseFraction("1/0")).hasMessageContaining("divides by zero");
        assertThat(Units.parseFraction("2/3")).isEqualTo(new Fraction(2, 3));
        assertThat(Units.parseFraction("0.3")).isEqualTo(new Fraction(3, 10));
        assertThat(Units.parseFraction("66.7%")).isEqualTo(new Fraction(667, 1000));
        assertThatThrownBy(() -> Units.parseFraction("0.1234567891")).hasMessageContaining("more than 9 decimal places");
        assertThatThrownBy(() -> Units.parseFraction("3/2")).hasMessageContaining("0..1");
    }

    @Test
    void aFileAndAFlagReadEveryShareAlikeSpacesIncluded() {
        // The JSON Schema lets a space stand before % and around /; so do all the parsers.
        assertThat(Units.parseFraction("2 / 3")).isEqualTo(new Fraction(2, 3));
        assertThat(Units.parseFraction("50 %")).isEqualTo(new Fraction(1, 2));
        assertThat(Units.parseRate("5 %")).isEqualTo(Units.parseRate("5%"));
    }

    @Test
    void aProportionIsReadWhateverItsSizeForAFieldThatNamesItsOwnRange() {
        assertThat(Units.parseProportion("150%")).isEqualTo(1.5);
        assertThat(Units.parseProportion("0.7")).isEqualTo(0.7);
        assertThatThrownBy(() -> Units.parseProportion("2/3")).hasMessageContaining("not a percentage like 5%");
        assertThatThrownBy(() -> Units.parseRate("1e999")).hasMessageContaining("0..1");
    }

    @Test
    void durationsFormatInTheLargestWholeUnit() {
        assertThat(Units.formatDuration(500_000_000L)).isEqualTo("500ms");
        assertThat(Units.formatDuration(2_000_000_000L)).isEqualTo("2s");
        assertThat(Units.formatDuration(1_500_000_000L)).isEqualTo("1500ms");
        assertThat(Units.formatDuration(60_000_000_000L)).isEqualTo("1m");
        assertThat(Units.formatDuration(7L)).isEqualTo("7ns");
        assertThat(Units.formatDuration(0L)).isEqualTo("0s");
    }
}
