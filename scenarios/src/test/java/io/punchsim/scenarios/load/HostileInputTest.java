package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.punchsim.scenarios.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files someone crafted, or that are not what they seem, are refused with a positioned problem
 * after reading a bounded amount: each limit of the reader is met by a file just past it. Small
 * fixtures live in {@code src/test/resources/bad/}; big ones are made here, in a temporary folder.
 * The expected positions are counted by hand from the fixtures (1-based).
 */
class HostileInputTest {

    private static final Path BAD = Path.of("src/test/resources/bad");

    private static List<Problem> problems(Path file) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertThat(e).as("%s must be refused", file).isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        return e.problems();
    }

    private static Problem only(Path file) {
        List<Problem> problems = problems(file);
        assertThat(problems).as(problems.toString()).hasSize(1);
        return problems.get(0);
    }

    @Test
    void aBillionLaughsIsRefusedWhereTheCountPassesTheLimitBeforeAnythingExpandsIt() {
        // Before e: 1 (root) + 11 (a) + 111 (b) + 1,111 (c) + 11,111 (d); e's list is 1 more, and each *d
        // adds 11,111: the 8th alias, e[7] at line 6, column 8 + 7 x 4, passes 100,000.
        Problem p = only(BAD.resolve("alias-bomb.yaml"));
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.column()).isEqualTo(36);
        assertThat(p.keyPath()).isEqualTo("e[7]");
        assertThat(p.message()).contains("more than " + YamlTreeReader.MAX_VALUES + " values").contains("alias");
    }

    @Test
    void aTagOutsideTheCoreSchemaIsRefusedAtTheTaggedValue() {
        Problem binary = only(BAD.resolve("binary-tag.yaml"));
        assertThat(binary.toString()).isEqualTo(BAD.resolve("binary-tag.yaml") + ":2:8: seeds: the YAML tag !!binary is not"
                + " supported; a scenario value is a plain string, number, boolean, list or mapping");
        Problem local = only(BAD.resolve("unknown-tag.yaml"));
        assertThat(local.line()).isEqualTo(3);
        assertThat(local.column()).isEqualTo(8);
        assertThat(local.keyPath()).isEqualTo("host.nat");
        assertThat(local.message()).contains("!preset");
    }

    private static Problem onlyOf(String text) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("t.yaml", text));
        assertThat(e).as("%s must be refused", text).isNotNull();
        assertThat(e.problems()).as(e.problems().toString()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void aSyntaxErrorIsPlacedAtTheCharacterThatCannotBeReadNotAtTheLastTokenRead() {
        // The parser had last read "host" (line 3) when it met the tab that begins line 4.
        Problem tab = onlyOf("name: a\nseeds: 10\nhost:\n\tlink: {loss: 1%}\n");
        assertThat(tab.line()).isEqualTo(4);
        assertThat(tab.column()).isEqualTo(1);
        assertThat(tab.message()).contains("TAB");
        // A key too long to be a simple key: the parser gives up where it ends, not at "name: a".
        Problem longKey = onlyOf("name: a\n" + "k".repeat(2000) + ": 1\n");
        assertThat(longKey.line()).isEqualTo(2);
        assertThat(longKey.column()).isEqualTo(2001);
    }

    @Test
    void aKeyThatIsAListSaysSoWithoutTheParsersInternals() {
        Problem p = onlyOf("name: a\nseeds: 10\n? [a, b]\n: 1\n");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("a key must be a plain string").doesNotContain("org.yaml", "Event");
    }

    @Test
    void coreSchemaTagsKeepTheirMeaning() throws Exception {
        var scenario = ScenarioLoader.load("t.yaml", "seeds: !!int 42\nname: !!str 7\n").base();
        assertThat(scenario.seeds()).isEqualTo(42);
        assertThat(scenario.name()).isEqualTo("7");
    }

    @Test
    void invalidUtf8NamesTheLineColumnAndByteOffset() {
        Problem p = only(BAD.resolve("invalid-utf8.yaml"));
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(10);
        assertThat(p.message()).contains("not UTF-8").contains("byte offset 89").contains("0xE9");
    }

    @Test
    void aByteOrderMarkIsNotAProblem() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = ScenarioLoader.utf8("b.yaml", concat(bom, "seeds: 3\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(ScenarioLoader.load("b.yaml", text).base().seeds()).isEqualTo(3);
    }

    @Test
    void nestingPastTheLimitIsRefusedAtTheFirstTooDeepList() {
        // The root mapping is level 0, host 1, the first list 2 (column 8); the list at level 64 is column 70.
        Problem p = only(BAD.resolve("deep-nesting.yaml"));
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(8 + YamlTreeReader.MAX_DEPTH - 2);
        assertThat(p.keyPath()).startsWith("host.nat[0][0]");
        assertThat(p.message()).contains("nested more than " + YamlTreeReader.MAX_DEPTH + " levels");
    }

    @Test
    void eachBadOptionOfAListFormMixIsNamedByItsOwnIndex() {
        assertThat(problems(BAD.resolve("mix-two-bad-options.yaml")))
                .extracting(p -> p.line() + ":" + p.column() + ": " + p.keyPath())
                .containsExactly("5:34: host.nat.mix[0].weight", "6:34: host.nat.mix[1].weight");
    }

    @Test
    void sweepProblemsAreReportedAlongsideTheBasesOwn() {
        assertThat(problems(BAD.resolve("sweep-and-base-errors.yaml")))
                .extracting(p -> p.line() + ":" + p.column() + ": " + p.keyPath())
                .containsExactly("2:8: seeds", "4:28: protocol.attempt-limit", "5:3: protocol.atempt-interval");
    }

    @Test
    void aDirectoryIsNamedAsADirectory(@TempDir Path dir) {
        assertThat(only(dir).toString()).isEqualTo(dir + ":1:1: is a directory, not a scenario file");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        // Valid YAML all the way: only the size is wrong.
        Files.writeString(big, "description: \"" + "x".repeat((int) ScenarioLoader.MAX_FILE_BYTES) + "\"\n");
        Problem p = only(big);
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).contains(Files.size(big) + " bytes").contains("at most " + ScenarioLoader.MAX_FILE_BYTES);
    }

    @Test
    void textOverTheSizeLimitIsRefusedToo() {
        String text = "description: \"" + "x".repeat(YamlTreeReader.MAX_CHARS) + "\"\n";
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("t.yaml", text));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("at most"));
    }

    @Test
    void manyValuesWithoutAliasesStopAtTheLimitToo() {
        String text = "sweep:\n  protocol.attempt-limit: [" + "1, ".repeat((int) YamlTreeReader.MAX_VALUES) + "1]\n";
        Problem p = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("t.yaml", text)).problems().get(0);
        assertThat(p.line()).isEqualTo(2);
        // Values counted: the root, sweep's mapping, the list, then its items: item 99,997 is the 100,001st.
        assertThat(p.keyPath()).isEqualTo("sweep.protocol.attempt-limit[" + (YamlTreeReader.MAX_VALUES - 3) + "]");
        assertThat(p.message()).contains("more than").doesNotContain("alias");
    }

    @Test
    void manyProblemsAreAllKeptButTheMessageShowsTheFirstFiftyAndACount() {
        int keys = 20_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < keys; i++) {
            text.append("unknown-").append(i).append(": 1\n");
        }
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("k.yaml", text.toString()));
        assertThat(e.problems()).hasSize(keys);
        String[] lines = e.getMessage().split("\n");
        assertThat(lines).hasSize(ScenarioException.SHOWN + 1);
        assertThat(lines[0]).startsWith("k.yaml:1:1: unknown-0: unknown key");
        assertThat(lines[ScenarioException.SHOWN - 1]).startsWith("k.yaml:50:1: unknown-49:");
        assertThat(lines[ScenarioException.SHOWN]).isEqualTo("... and " + (keys - ScenarioException.SHOWN) + " more problems");
    }

    @Test
    void aSweepWhosePointsAllFailStopsCollectingAtTheCap() {
        // 20,000 distinct bad values, each its own problem at its own column: the check stops at the cap.
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            values.append(i == 0 ? "" : ", ").append(2000 + i);
        }
        String text = "sweep:\n  protocol.attempt-limit: [" + values + "]\n";
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("s.yaml", text));
        assertThat(e.problems()).hasSize(ScenarioLoader.MAX_PROBLEMS + 1);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message())
                .isEqualTo("checking stopped at " + ScenarioLoader.MAX_PROBLEMS + " problems, after "
                        + ScenarioLoader.MAX_PROBLEMS + " of 20000 points"));
    }

    @Test
    void aGridOfABigFileIsRefusedBeforeEveryPointIsBound() {
        // The base without its sweep: the root, host, link and latency mappings, the empirical list and 3 values
        // per pair (the pair's list, a duration, a weight): 5 + 3 x 2,000; with one axis value, 6,006 values a
        // point, bound at each of 2,000 points: 12,012,000 > 10,000,000.
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            pairs.append(i == 0 ? "" : ", ").append("[1ms, 0.0005]");
        }
        StringBuilder limits = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            limits.append(i == 0 ? "" : ", ").append(1 + i % 900);
        }
        String text = "host:\n  link:\n    latency: {empirical: [" + pairs + "]}\nsweep:\n  protocol.attempt-limit: [" + limits + "]\n";
        Problem p = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("g.yaml", text)).problems().get(0);
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.column()).isEqualTo(3);
        assertThat(p.keyPath()).isEqualTo("sweep");
        assertThat(p.message()).contains("2000 points of 6006 values each").contains("12012000 values to check").contains("at most " + ScenarioLoader.MAX_GRID_VALUES);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
