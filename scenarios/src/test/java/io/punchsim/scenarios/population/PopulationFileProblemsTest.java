package io.punchsim.scenarios.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.punchsim.scenarios.load.Populations;
import io.punchsim.scenarios.load.Problem;
import io.punchsim.scenarios.load.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A population file is read by the scenario binder: each problem names the population's own file,
 * the line and column (1-based, counted by hand) and the key path within it.
 */
class PopulationFileProblemsTest {

    private static List<String> problems(String file, String text) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Populations.load(file, text));
        assertThat(e).as("refused:%n%s", text).isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void anEntryWithNeitherSourceNorAssumptionIsRefusedAtTheEntry() {
        assertThat(problems("mine.yaml", """
                name: mine
                description: d
                entries:
                  - {name: a, weight: 50%, nat: symmetric, source: "FIELD-DATA §2, someone"}
                  - {name: b, weight: 50%, nat: full-cone}
                """)).containsExactly("mine.yaml:5:5: entries[1]: an entry needs a 'source' (the figure its weight"
                + " comes from, with its section of the field data) or an 'assumption' (why the weight was chosen), or both");
    }

    @Test
    void aNatIsCheckedByTheScenarioBinderWithItsSuggestions() {
        assertThat(problems("mine.yaml", """
                name: mine
                description: d
                entries:
                  - name: a
                    weight: 1
                    assumption: all
                    nat: [port-restricted-cone, {preset: cgnat, mapping: adress-dependent}]
                """)).containsExactly("mine.yaml:7:58: entries[0].nat[1].mapping: 'adress-dependent' is not allowed;"
                + " did you mean 'address-dependent'? expected one of endpoint-independent, address-dependent,"
                + " address-and-port-dependent");
    }

    @Test
    void weightsOfAListMustSumToOne() {
        assertThat(problems("mine.yaml", """
                name: mine
                description: d
                entries:
                  - name: g
                    weight: 100%
                    assumption: all
                    entries:
                      - {name: a, weight: 0.5, nat: symmetric, assumption: x}
                      - {name: b, weight: 0.4, nat: full-cone, assumption: x}
                """)).containsExactly("mine.yaml:8:7: entries[0].entries: the weights of these entries sum to 0.9;"
                + " they must sum to 1 (within 1e-9)");
    }

    @Test
    void namesAreUniqueAndWellFormedAndTheFileGivesItsOwnName() {
        assertThat(problems("mine.yaml", """
                name: yours
                description: d
                entries:
                  - {name: a, weight: 50%, nat: symmetric, assumption: x}
                  - {name: a, weight: 25%, nat: full-cone, assumption: x}
                  - {name: Big_One, weight: 25%, nat: full-cone, assumption: x}
                """)).containsExactly(
                "mine.yaml:1:7: name: a population is known by its file's name; write name: mine",
                "mine.yaml:5:12: entries[1].name: the name 'a' is already used (line 4); entry names are unique within"
                        + " a population, populations taken in included",
                "mine.yaml:6:12: entries[2].name: 'Big_One' is not a name: lower-case letters and digits in words"
                        + " joined by hyphens, e.g. symmetric-behind-cgnat");
    }

    @Test
    void anEntryIsOneNatOneGroupOrOnePopulation() {
        assertThat(problems("mine.yaml", """
                name: mine
                description: d
                entries:
                  - {name: a, weight: 1, assumption: x, nat: symmetric, population: strict-networks}
                """)).containsExactly("mine.yaml:4:5: entries[0]: an entry is exactly one of: a 'nat', a group of"
                + " 'entries', or a whole other 'population'; this one has nat and population");
    }

    @Test
    void aPopulationTakenInBringsItsNamesAndCannotBeItself() {
        assertThat(problems("mine.yaml", """
                name: mine
                description: d
                entries:
                  - {name: udp-blocked, weight: 50%, nat: udp-blocked, assumption: x}
                  - {name: strict, weight: 50%, population: strict-networks, assumption: x}
                """)).containsExactly("mine.yaml:5:45: entries[1].population: population 'strict-networks' brings in"
                + " an entry named 'udp-blocked', a name already used (line 4); entry names are unique within a population");
        assertThat(problems("mixed-players.yaml", """
                name: mixed-players
                description: d
                entries:
                  - {name: again, weight: 1, population: mixed-players, assumption: x}
                """)).containsExactly("mixed-players.yaml:4:42: entries[0].population: population 'mixed-players'"
                + " takes itself in, through mixed-players");
        assertThat(problems("mine.yaml", """
                name: mine
                description: d
                entries:
                  - {name: a, weight: 1, population: home-broadbnd, assumption: x}
                """)).singleElement().asString().startsWith("mine.yaml:4:38: entries[0].population: 'home-broadbnd' is not"
                + " allowed; did you mean 'home-broadband'?");
    }

    @Test
    void unknownKeysAndMissingOnesAreReported() {
        assertThat(problems("mine.yaml", """
                name: mine
                entries:
                  - {name: a, wieght: 1, nat: symmetric, assumption: x}
                """)).containsExactly(
                "mine.yaml:1:1: missing required key 'description'",
                "mine.yaml:3:5: entries[0]: missing required key 'weight'",
                "mine.yaml:3:15: entries[0].wieght: unknown key; did you mean 'weight'?");
    }
}
