package io.punchsim.scenarios.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.data.Offset.offset;

import io.punchsim.reports.aggregate.NatPair;
import io.punchsim.reports.aggregate.OutcomeCounts;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.scenarios.load.Populations;
import io.punchsim.scenarios.load.Problem;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.model.NamedNat;
import io.punchsim.scenarios.model.NatMix;
import io.punchsim.scenarios.run.SweepJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scenario names a population as a peer's whole NAT, can override its weights, and runs it. */
class PopulationScenarioTest {

    private static NatMix clientNat(String nat) throws Exception {
        return (NatMix) ScenarioLoader.load("p.yaml", "client:\n  nat: " + nat + "\n").base().network().client().nat();
    }

    private static List<Problem> problems(String text) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("p.yaml", text));
        assertThat(e).as("refused: %s", text).isNotNull();
        return e.problems();
    }

    private static double share(NatMix mix, String name) {
        return mix.options().stream().filter(o -> ((NamedNat) o.nat()).name().equals(name))
                .mapToDouble(NatMix.Option::weight).sum();
    }

    @Test
    void aNamedPopulationIsAMixOfItsNatsByTheirShares() throws Exception {
        NatMix mix = clientNat("{population: home-broadband}");
        List<Population.Share> shares = Populations.byName("home-broadband").shares();
        assertThat(mix.options()).hasSize(shares.size());
        for (int i = 0; i < shares.size(); i++) {
            NamedNat nat = (NamedNat) mix.options().get(i).nat();
            assertThat(nat.name()).isEqualTo(shares.get(i).leaf().name());
            assertThat(nat.nat()).isEqualTo(shares.get(i).leaf().nat());
            assertThat(nat.label()).isEqualTo(nat.name());
            assertThat(mix.options().get(i).weight()).isEqualTo(shares.get(i).share());
        }
        // By hand from the file: 90% behind a NAT x 82.5% without a CGN x 18% not punchable x 50% random ports.
        assertThat(share(mix, "symmetric")).isCloseTo(0.9 * 0.825 * 0.18 * 0.5, offset(1e-12));
    }

    @Test
    void anOverriddenWeightKeepsItsValueAndItsListsOtherEntriesFillTheRestInProportion() throws Exception {
        NatMix base = clientNat("{population: home-broadband}");
        NatMix mix = clientNat("{population: home-broadband, weights: {behind-cgnat: 30%}}");
        List<String> underCgnat = List.of("full-cone-behind-cgnat", "restricted-cone-behind-cgnat",
                "port-restricted-cone-behind-cgnat", "linux-masquerade-behind-cgnat", "symmetric-behind-cgnat",
                "home-nat-behind-symmetric-cgnat");
        double cgnat = underCgnat.stream().mapToDouble(n -> share(mix, n)).sum();
        assertThat(cgnat).isCloseTo(0.9 * 0.30, offset(1e-12));
        // home-nat-only, behind-cgnat's one sibling, takes the rest of behind-nat: 70% instead of 82.5%.
        assertThat(share(mix, "port-restricted-cone")).isCloseTo(share(base, "port-restricted-cone") * 0.70 / 0.825,
                offset(1e-12));
        // Other lists keep their weights.
        assertThat(share(mix, "public-address")).isEqualTo(share(base, "public-address"));
        assertThat(share(mix, "home-nat-behind-symmetric-cgnat") / share(mix, "symmetric-behind-cgnat"))
                .isCloseTo(share(base, "home-nat-behind-symmetric-cgnat") / share(base, "symmetric-behind-cgnat"), offset(1e-9));
        assertThat(mix.options().stream().mapToDouble(NatMix.Option::weight).sum()).isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void anEntryWeighedZeroIsNeverDrawn() throws Exception {
        NatMix mix = clientNat("{population: mixed-players, weights: {mobile-cgnat: 0}}");
        assertThat(mix.options()).extracting(o -> ((NamedNat) o.nat()).name())
                .containsExactlyElementsOf(Populations.byName("home-broadband").shares().stream()
                        .map(s -> s.leaf().name()).toList());
    }

    @Test
    void aMisspeltPopulationIsRefusedWhereItIsWrittenWithASuggestion() {
        assertThat(problems("host:\n  nat: {population: home-broadbnd}\n")).extracting(Problem::toString).containsExactly(
                "p.yaml:2:21: host.nat.population: 'home-broadbnd' is not allowed; did you mean 'home-broadband'? "
                        + "expected one of " + String.join(", ", Populations.NAMES));
    }

    @Test
    void aMisspeltEntryIsRefusedWhereItIsWrittenWithASuggestion() {
        assertThat(problems("client:\n  nat:\n    population: home-broadband\n    weights: {behind-cgant: 20%}\n"))
                .extracting(Problem::toString).containsExactly("p.yaml:4:15: client.nat.weights.behind-cgant: unknown"
                        + " entry of population home-broadband; did you mean 'behind-cgnat'? (punchsim populations"
                        + " home-broadband lists them)");
    }

    @Test
    void overridesThatLeaveNoRoomOrNothingToFillItAreRefused() {
        assertThat(problems("client: {nat: {population: home-broadband, weights: {public-address: 70%, behind-nat: 40%}}}\n"))
                .extracting(Problem::line, Problem::column, Problem::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        1, 54, "the weights of public-address, behind-nat sum to 1.1; entries of one list can take at"
                                + " most 1 in all"));
        assertThat(problems("client: {nat: {population: strict-networks, weights: {udp-blocked: 80%, campus-firewall: 30%}}}\n"))
                .extracting(Problem::message).containsExactly(
                        "the weights of udp-blocked, campus-firewall sum to 1.1; entries of one list can take at most 1 in all");
        assertThat(problems("client: {nat: {population: strict-networks, weights: {udp-blocked: 0, enterprise-symmetric: 0,"
                + " campus-firewall: 0}}}\n")).extracting(Problem::message).singleElement().asString()
                .contains("sum to 0; they must sum to 1");
        assertThat(problems("client: {nat: {population: mixed-players, weights: {home-broadband: 0, mobile-cgnat: 0.5}}}\n"))
                .extracting(Problem::message).singleElement().asString().contains("sum to 0.5");
        assertThat(problems("client: {nat: {population: strict-networks, weights: [udp-blocked]}}\n"))
                .extracting(Problem::toString).singleElement().asString()
                .startsWith("p.yaml:1:54: client.nat.weights: expected a mapping of entry name to weight");
    }

    @Test
    void aPopulationIsOnlyEverAPeersWholeNat() {
        assertThat(problems("host:\n  nat: [port-restricted-cone, {population: home-broadband}]\n"))
                .extracting(Problem::keyPath, Problem::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "host.nat[1]", "a NAT chain cannot contain a population; a population is a peer's whole NAT"));
        assertThat(problems("host:\n  nat:\n    mix:\n      - {nat: {population: home-broadband}, weight: 1}\n"))
                .extracting(Problem::keyPath).containsExactly("host.nat.mix[0].nat");
    }

    @Test
    void aPopulationRunsAndReportsEachPairByItsEntriesNames() throws Exception {
        String yaml = """
                name: strict
                seeds: 4000
                host: {nat: {population: strict-networks}, link: {latency: 10ms}}
                client: {nat: {population: strict-networks}, link: {latency: 15ms}}
                """;
        PointAggregate aggregate = SweepJob.prepare(ScenarioLoader.load("strict.yaml", yaml),
                SweepJob.Options.defaults().withThreads(2)).run().points().get(0).aggregate();
        // What each pair must do at zero loss, by the SPEC's matrix: nothing through a UDP-blocking
        // network; a host that maps per destination is relayed; a firewall (filtering, no
        // translation, so like a port-restricted cone) is reached by a firewalled client only.
        Map<String, Double> weight = Map.of("udp-blocked", 0.3, "enterprise-symmetric", 0.4, "campus-firewall", 0.3);
        double directShare = 0;
        double failedShare = 0;
        assertThat(aggregate.natPairs().keySet()).hasSize(9);
        for (Map.Entry<NatPair, OutcomeCounts> pair : aggregate.natPairs().entrySet()) {
            String host = pair.getKey().hostNat();
            String client = pair.getKey().clientNat();
            Outcome expected = host.equals("udp-blocked") || client.equals("udp-blocked") ? Outcome.FAILED
                    : host.equals("campus-firewall") && client.equals("campus-firewall") ? Outcome.DIRECT
                    : Outcome.RELAYED;
            assertThat(pair.getValue().count(expected)).as("%s x %s from root seed 1", host, client)
                    .isEqualTo(pair.getValue().runs());
            // Each pair is drawn by the product of its two weights: within 4.5 standard deviations,
            // so that none of the nine pairs fails by chance (about 1 in 50,000 for all nine).
            double p = weight.get(host) * weight.get(client);
            double drawn = (double) pair.getValue().runs() / aggregate.runs();
            assertThat(drawn).as("share of %s x %s drawn over seeds 1..4000", host, client)
                    .isCloseTo(p, offset(4.5 * Math.sqrt(p * (1 - p) / aggregate.runs())));
            directShare += expected == Outcome.DIRECT ? p : 0;
            failedShare += expected == Outcome.FAILED ? p : 0;
        }
        assertThat(directShare).isCloseTo(0.09, offset(1e-12));
        assertThat(failedShare).isCloseTo(1 - 0.7 * 0.7, offset(1e-12));
    }
}
