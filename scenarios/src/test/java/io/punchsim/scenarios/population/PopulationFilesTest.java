package io.punchsim.scenarios.population;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.scenarios.load.Populations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped population file loads, the weights of each of its lists sum to 1 (so its NATs'
 * shares do too), and every entry says where its weight comes from: a figure of the field data
 * with its section, or an assumption.
 */
class PopulationFilesTest {

    private static final Path FOLDER = Path.of("populations");

    static List<String> names() {
        return Populations.NAMES;
    }

    private static Population fromFolder(String name) throws Exception {
        // The file in the module's folder, not only the copy in the jar.
        return Populations.load(Populations.fileName(name), Files.readString(FOLDER.resolve(name + ".yaml")));
    }

    @Test
    void theFolderHoldsExactlyTheListedPopulations() throws Exception {
        try (Stream<Path> files = Files.list(FOLDER)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(Populations.NAMES.stream().map(n -> n + ".yaml").sorted().toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theFileLoadsAndIsTheOneInTheJar(String name) throws Exception {
        Population population = fromFolder(name);
        assertThat(population.name()).isEqualTo(name);
        assertThat(population.description()).isNotBlank();
        assertThat(Populations.text(name)).hasValue(Files.readString(FOLDER.resolve(name + ".yaml")));
        assertThat(Populations.byName(name)).isEqualTo(population);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theWeightsOfEveryListSumToOne(String name) throws Exception {
        Population population = fromFolder(name);
        for (List<Population.Entry> list : population.lists()) {
            double sum = list.stream().mapToDouble(Population.Entry::weight).sum();
            assertThat(sum).as("%s: the list of %s", name, list.stream().map(Population.Entry::name).toList())
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(list).allSatisfy(e -> assertThat(e.weight()).as(e.name()).isBetween(0.0, 1.0));
        }
        assertThat(population.shares().stream().mapToDouble(Population.Share::share).sum()).as(name)
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(population.mix().options().stream().mapToDouble(o -> o.weight()).sum()).as(name)
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyEntryNamesASourceOrSaysAssumption(String name) throws Exception {
        List<String> failures = new ArrayList<>();
        for (List<Population.Entry> list : fromFolder(name).lists()) {
            for (Population.Entry entry : list) {
                if (entry.source().isEmpty() && entry.assumption().isEmpty()) {
                    failures.add(entry.name() + ": neither a source nor an assumption");
                }
                // A source is a figure of the field data: its section, and who published it.
                entry.source().filter(s -> !s.matches("(?s)FIELD-DATA §[1-9][^,]*, \\S.*"))
                        .ifPresent(s -> failures.add(entry.name() + ": the source does not name its section and source: " + s));
                entry.assumption().filter(String::isBlank).ifPresent(a -> failures.add(entry.name() + ": blank assumption"));
            }
        }
        assertThat(failures).as(name).isEmpty();
    }

    @Test
    void everyFileOpensWithACommentSayingWhatItIs() throws Exception {
        for (String name : Populations.NAMES) {
            assertThat(Files.readString(FOLDER.resolve(name + ".yaml"))).as(name).startsWith("# " + name + ": ");
        }
    }

    @Test
    void theReadmeTableIsTheFilesDescriptions() throws Exception {
        StringBuilder table = new StringBuilder("| population | what it is |\n|---|---|\n");
        for (Population population : Populations.all()) {
            table.append("| `").append(population.name()).append("` | ").append(population.description()).append(" |\n");
        }
        assertThat(Files.readString(Path.of("README.md"))).as("the populations table, from the files; paste:%n%s", table)
                .contains("-->\n" + table + "<!--");
    }

    @Test
    void mixedPlayersIsThreeQuartersHomeBroadbandAndAQuarterMobile() throws Exception {
        // Computed from the two files themselves, not from mixed-players.
        List<Double> expected = new ArrayList<>();
        Populations.byName("home-broadband").shares().forEach(s -> expected.add(0.75 * s.share()));
        Populations.byName("mobile-cgnat").shares().forEach(s -> expected.add(0.25 * s.share()));
        List<Population.Share> mixed = Populations.byName("mixed-players").shares();
        assertThat(mixed).hasSize(expected.size());
        for (int i = 0; i < mixed.size(); i++) {
            assertThat(mixed.get(i).share()).as(mixed.get(i).leaf().name())
                    .isCloseTo(expected.get(i), org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
