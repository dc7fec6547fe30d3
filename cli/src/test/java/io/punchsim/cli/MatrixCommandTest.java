package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code punchsim matrix} over the four classic presets prints the matrix of SPEC section 3. */
class MatrixCommandTest {

    @Test
    void theClassicFourGiveTheSpecMatrix() {
        Cli.Result result = Cli.run("matrix", "--presets", "full-cone,restricted-cone,port-restricted-cone,symmetric",
                "--seeds", "30", "-q");
        assertThat(result.exit()).as(result.err()).isZero();
        List<String> rows = Arrays.stream(result.out().split("\n")).filter(l -> !l.isBlank()).toList();
        assertThat(cells(rows.get(1))).containsExactly("full-cone", "D", "D", "D", "D");
        assertThat(cells(rows.get(2))).containsExactly("restricted-cone", "D", "D", "D", "D");
        assertThat(cells(rows.get(3))).containsExactly("port-restricted-cone", "D", "D", "D", "R");
        assertThat(cells(rows.get(4))).containsExactly("symmetric", "R", "R", "R", "R");
    }

    @Test
    void aMisspeltPresetIsNamedAtTheOptionWithASuggestion() {
        Cli.Result result = Cli.run("matrix", "--presets", "full-cone,symetric", "-q");
        assertThat(result.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err().trim()).isEqualTo("punchsim: --presets: 'symetric' is not a preset; did you mean 'symmetric'?");
    }

    @Test
    void aWordFarFromEveryPresetListsThePresets() {
        Cli.Result result = Cli.run("matrix", "--presets", "foo", "-q");
        assertThat(result.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).startsWith("punchsim: --presets: 'foo' is not a preset; the presets are open, full-cone,");
    }

    private static List<String> cells(String row) {
        return Arrays.asList(row.trim().split("\\s+"));
    }
}
