package io.punchsim.scenarios.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.load.Problem;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.model.LatencySpec;
import io.punchsim.scenarios.model.LinkSpec;
import io.punchsim.scenarios.model.LossSpec;
import io.punchsim.scenarios.model.Scenario;
import io.punchsim.scenarios.run.ConnectionRun;
import io.punchsim.scenarios.run.PreparedPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Link presets and region pairs bind as the field data gives them, run, and refuse a misspelt name where it is written. */
class LinkPresetsTest {

    private static final long MS = 1_000_000L;

    static List<LinkPreset> presets() {
        return LinkPresets.all();
    }

    private static Scenario load(String text) throws ScenarioException {
        return ScenarioLoader.load("l.yaml", text).base();
    }

    private static List<String> problems(String text) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load("l.yaml", text));
        assertThat(e).as("refused: %s", text).isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void aPresetIsItsDelayPlusOrMinusItsSpreadWithItsLossBothWays(LinkPreset preset) throws Exception {
        LinkSpec link = load("client:\n  link: {preset: " + preset.name() + "}\n").network().client().link();
        // "d ± s": a fixed d - s plus a jitter of up to 2s, so every delay lies in [d - s, d + s].
        LinkSpec.Direction expected = new LinkSpec.Direction(
                new LatencySpec.Constant(preset.delayNanos() - preset.spreadNanos()), 2 * preset.spreadNanos(), true,
                new LossSpec.Bernoulli(preset.loss()), 0.0);
        assertThat(link.up()).isEqualTo(expected);
        assertThat(link.down()).isEqualTo(expected);
    }

    @Test
    void thePresetsAreSectionFourOfTheFieldData() {
        // FIELD-DATA §4, one-way delay ± spread and loss, typed here by hand from the section.
        record Row(String name, long delayMs, long spreadMs, double loss) {
        }
        List<Row> field = List.of(new Row("home-wifi", 5, 2, 0.001), new Row("poor-wifi", 40, 15, 0.02),
                new Row("4g", 25, 8, 0.005), new Row("3g", 100, 30, 0.02), new Row("leo-satellite", 40, 7, 0.01),
                new Row("geo-satellite", 300, 20, 0.005));
        assertThat(LinkPresets.all()).extracting(p -> new Row(p.name(), p.delayNanos() / MS, p.spreadNanos() / MS, p.loss()))
                .containsExactlyElementsOf(field);
        assertThat(RegionPairs.all()).extracting(RegionPair::name, r -> r.oneWayNanos() / MS).containsExactly(
                org.assertj.core.groups.Tuple.tuple("us-eu", 45L), org.assertj.core.groups.Tuple.tuple("us-asia", 80L),
                org.assertj.core.groups.Tuple.tuple("eu-asia", 140L),
                org.assertj.core.groups.Tuple.tuple("us-south-america", 57L));
        assertThat(LinkPresets.all()).allSatisfy(p -> assertThat(p.source()).startsWith("FIELD-DATA §4"));
        assertThat(RegionPairs.all()).allSatisfy(p -> assertThat(p.source()).startsWith("FIELD-DATA §4"));
    }

    @Test
    void keysBesideAPresetOverrideIt() throws Exception {
        LinkSpec link = load("host:\n  link: {preset: 4g, loss: 0, down: {loss: 2%}}\n").network().host().link();
        assertThat(link.up()).isEqualTo(new LinkSpec.Direction(new LatencySpec.Constant(17 * MS), 16 * MS, true,
                new LossSpec.Bernoulli(0), 0.0));
        assertThat(link.down().loss()).isEqualTo(new LossSpec.Bernoulli(0.02));
        assertThat(link.down().latency()).isEqualTo(new LatencySpec.Constant(17 * MS));
    }

    @Test
    void everyConnectTimeOverTwoSatelliteLinksLiesWithinFourCrossingsOfTheirDelays() throws Exception {
        // A direct connect crosses each access link twice (request and accept) and nothing else:
        // between 4 x 280 ms and 4 x 320 ms, at zero loss, whatever the seed.
        String yaml = """
                seeds: 50
                host: {nat: full-cone, link: {preset: geo-satellite, loss: 0}}
                client: {nat: full-cone, link: {preset: geo-satellite, loss: 0}}
                """;
        PreparedPoint point = PreparedPoint.of(ScenarioLoader.load("sat.yaml", yaml).points().get(0));
        for (long seed = 1; seed <= 50; seed++) {
            RunOutcome outcome = ConnectionRun.run(point, seed);
            assertThat(outcome.outcome()).as("seed %d", seed).isEqualTo(Outcome.DIRECT);
            assertThat(outcome.connectNanosFromK1()).as("seed %d", seed).isBetween(4 * 280 * MS, 4 * 320 * MS);
        }
    }

    @Test
    void aCloudInAnotherRegionAddsItsLatencyToEveryRelayedConnect() throws Exception {
        // As RelayTimingTest: the first relay attempt (7 x 500 ms) plus client -> cloud -> host ->
        // cloud -> client, each peer 10 ms from its edge and eu-asia's 140 ms from the cloud.
        String yaml = """
                seeds: 5
                host: {nat: symmetric, link: {latency: 10ms}, startup-delay: 0s}
                client: {nat: symmetric, link: {latency: 10ms}, startup-delay: 0s}
                network: {cloud: {region: eu-asia}}
                """;
        PreparedPoint point = PreparedPoint.of(ScenarioLoader.load("far.yaml", yaml).points().get(0));
        for (long seed = 1; seed <= 5; seed++) {
            RunOutcome outcome = ConnectionRun.run(point, seed);
            assertThat(outcome.outcome()).as("seed %d", seed).isEqualTo(Outcome.RELAYED);
            assertThat(outcome.connectNanosFromK1()).as("seed %d", seed).isEqualTo((3_500 + 4 * (10 + 140)) * MS);
        }
    }

    @Test
    void aRegionIsBothPeersLatencyAndFromHostOrFromClientStillOverrideIt() throws Exception {
        Scenario s = load("network: {cloud: {region: us-eu, from-host: 5ms}}\n");
        assertThat(s.network().cloud().fromHost()).isEqualTo(new LatencySpec.Constant(5 * MS));
        assertThat(s.network().cloud().fromClient()).isEqualTo(new LatencySpec.Constant(45 * MS));
    }

    @Test
    void misspeltNamesAreRefusedWhereTheyAreWrittenWithASuggestion() {
        assertThat(problems("client:\n  link: {preset: 4gg}\n")).containsExactly("l.yaml:2:18: client.link.preset: '4gg'"
                + " is not allowed; did you mean '4g'? expected one of " + String.join(", ", LinkPresets.names()));
        assertThat(problems("network:\n  cloud: {region: us-ue}\n")).containsExactly("l.yaml:2:19: network.cloud.region:"
                + " 'us-ue' is not allowed; did you mean 'us-eu'? expected one of " + String.join(", ", RegionPairs.names()));
        assertThat(problems("network:\n  stun: {latency: 5ms, region: us-eu}\n"))
                .containsExactly("l.yaml:2:32: network.stun.region: give either latency or region, not both");
        assertThat(problems("client:\n  link: {up: {preset: 4g}}\n")).singleElement().asString()
                .startsWith("l.yaml:2:15: client.link.up.preset: unknown key");
    }

    @Test
    void theReadmeTablesAreTheRegistries() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        StringBuilder links = new StringBuilder("| link preset | what it is |\n|---|---|\n");
        LinkPresets.all().forEach(p -> links.append("| `").append(p.name()).append("` | ").append(p.description()).append(" |\n"));
        StringBuilder regions = new StringBuilder("| region | what it is |\n|---|---|\n");
        RegionPairs.all().forEach(r -> regions.append("| `").append(r.name()).append("` | ").append(r.description()).append(" |\n"));
        assertThat(readme).as("the link preset table, from LinkPresets; paste:%n%s", links).contains(links);
        assertThat(readme).as("the region table, from RegionPairs; paste:%n%s", regions).contains(regions);
    }
}
