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

    private static List<String> cells(String row) {
        return Arrays.asList(row.trim().split("\\s+"));
    }
}
