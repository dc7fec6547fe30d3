package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.scenarios.load.Populations;
import io.punchsim.scenarios.population.Population;
import org.junit.jupiter.api.Test;

/** {@code punchsim populations} lists every population with each entry's weight, share, NAT and source. */
class PopulationsCommandTest {

    @Test
    void everyEntryIsListedWithItsWeightShareNatAndSourceOrAssumption() throws Exception {
        Cli.Result result = Cli.run("populations");
        assertThat(result.exit()).as(result.err()).isZero();
        for (Population population : Populations.all()) {
            assertThat(result.out()).contains(population.name() + "  (populations/" + population.name() + ".yaml)\n  "
                    + population.description() + "\n");
            for (String name : population.names()) {
                assertThat(result.out()).as(name).contains("- " + name + "  ");
            }
        }
        // Shares by hand from the file: 90% x 82.5% x 18% x 50%.
        assertThat(result.out()).contains("\n        - symmetric  50% (6.6825% of all)\n"
                + "            nat: symmetric\n"
                + "            assumption: No public source gives the share of symmetric NATs");
        assertThat(result.out()).contains("\n        - symmetric-sequential  50% (6.6825% of all)\n"
                + "            nat: {preset: symmetric, allocation: sequential}\n");
        assertThat(result.out()).contains("- home-broadband  75% (75% of all)  population: home-broadband\n");
    }

    @Test
    void namedPopulationsOnlyAndAnUnknownNameIsBadInputWithASuggestion() {
        Cli.Result one = Cli.run("populations", "strict-networks");
        assertThat(one.exit()).isZero();
        assertThat(one.out()).startsWith("strict-networks  (populations/strict-networks.yaml)\n")
                .contains("  - udp-blocked  30% (30% of all)\n      nat: udp-blocked\n      assumption: ")
                .doesNotContain("home-broadband");
        Cli.Result unknown = Cli.run("populations", "home-broadbnd");
        assertThat(unknown.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown population 'home-broadbnd'; did you mean 'home-broadband'?");
    }

    @Test
    void theHelpShowsAnExample() {
        Cli.Result help = Cli.run("populations", "--help");
        assertThat(help.out()).contains("Usage: punchsim populations", "./punchsim populations home-broadband");
    }
}
