package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each fixture in {@code src/test/resources/bad/} fails with the file, line, column and key that
 * the fixture's text puts them at (counted by hand from the fixture, 1-based).
 */
class BadFilesTest {

    private static List<Problem> problems(String fixture) {
        Path file = Path.of("src/test/resources/bad", fixture);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertThat(e).as("%s must be refused", fixture).isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        return e.problems();
    }

    private static Problem only(String fixture) {
        List<Problem> problems = problems(fixture);
        assertThat(problems).as(problems.toString()).hasSize(1);
        return problems.get(0);
    }

    @Test
    void syntaxErrorNamesWhereTheParserStoppedAndTheKeyItWasIn() {
        Problem p = only("syntax-error.yaml");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.column()).isEqualTo(7);
        assertThat(p.keyPath()).isEqualTo("host.nat");
        assertThat(p.message()).startsWith("YAML syntax error").contains("line 3, column 8").contains("expected ',' or '}'");
    }

    @Test
    void unknownKeySuggestsTheNearestAllowedKey() {
        Problem p = only("unknown-key.yaml");
        assertThat(p.toString()).isEqualTo(
                Path.of("src/test/resources/bad", "unknown-key.yaml") + ":4:3: protocol.attempt-limt: unknown key; did you mean 'attempt-limit'?");
    }

    @Test
    void wrongTypesAreAllReportedInOnePass() {
        List<Problem> problems = problems("wrong-type.yaml");
        assertThat(problems).extracting(Problem::line, Problem::column, Problem::keyPath).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, 8, "seeds"),
                org.assertj.core.groups.Tuple.tuple(5, 21, "protocol.variants.peer-reflexive"));
        assertThat(problems.get(0).message()).contains("whole number").contains("'many'");
        assertThat(problems.get(1).message()).contains("true or false").contains("'sometimes'");
    }

    @Test
    void outOfRangeValuesStateTheRange() {
        List<Problem> problems = problems("out-of-range.yaml");
        assertThat(problems).extracting(p -> p.line() + ":" + p.column() + ": " + p.keyPath() + ": " + p.message())
                .containsExactly(
                        "3:18: protocol.attempt-limit: out of range: 0 is not within 1..1000",
                        "4:20: protocol.direct-fraction: '1.5' is out of range; expected 0..1 (0%..100%)",
                        "7:11: host.link.loss: '120%' is out of range; expected 0..1 (0%..100%)");
    }

    @Test
    void emptyFileIsAnError() {
        Problem p = only("empty.yaml");
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).contains("empty");
    }

    @Test
    void mixWeightsMustSumToOne() {
        Problem p = only("mix-weights.yaml");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(8);
        assertThat(p.keyPath()).isEqualTo("client.nat");
        assertThat(p.message()).contains("sum to 0.9").contains("must sum to 1");
    }

    @Test
    void aDurationWithoutUnitShowsTheForm() {
        Problem p = only("bare-duration.yaml");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(21);
        assertThat(p.keyPath()).isEqualTo("protocol.attempt-interval");
        assertThat(p.message()).contains("no unit").contains("500ms");
    }

    @Test
    void aMisspelledPresetSuggestsTheRightOne() {
        Problem p = only("unknown-preset.yaml");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(8);
        assertThat(p.keyPath()).isEqualTo("host.nat");
        assertThat(p.message()).contains("did you mean 'symmetric'?");
    }

    @Test
    void aNatSettingThePresetCannotTakeIsRefusedAtTheValue() {
        Problem p = only("nat-conflict.yaml");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(44);
        assertThat(p.keyPath()).isEqualTo("host.nat.mapping");
        assertThat(p.message()).contains("linux-masquerade").contains("address-and-port-dependent");
    }

    @Test
    void aBadSweepValueIsReportedOnceAtItsOwnLine() {
        // 2000 appears in two grid points (with 250ms and 500ms); the problem is reported once.
        Problem p = only("bad-sweep-value.yaml");
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.column()).isEqualTo(7);
        assertThat(p.keyPath()).isEqualTo("protocol.attempt-limit");
        assertThat(p.message()).contains("1..1000");
    }

    @Test
    void aMisspelledSweepAxisIsAnUnknownKeyAtTheAxisLine() {
        Problem p = only("sweep-unknown-key.yaml");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(3);
        assertThat(p.keyPath()).isEqualTo("protocol.atempt-interval");
        assertThat(p.message()).contains("did you mean 'attempt-interval'?");
    }

    @Test
    void aTopLevelListIsNotAScenario() {
        Problem p = only("not-a-mapping.yaml");
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).contains("expected a mapping").contains("got a list");
    }
}
