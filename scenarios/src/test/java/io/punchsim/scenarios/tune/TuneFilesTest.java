package io.punchsim.scenarios.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.SweepJob;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tune's files: tune.json holds every candidate with its seeds, intervals and end; tune.md and
 * tune.html show the front as a scatter with interval bars and the rest as tables; front.yaml is a
 * sweep that punchsim sweep runs as it is and that reproduces the front's runs exactly.
 */
class TuneFilesTest {

    // Two tuned keys in one section, a comment above the tune and keys after it, as a user writes them.
    static final String SCENARIO = """
            # small: a file whose tune is small enough to run in a test.
            name: small
            root-seed: 9
            host: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s}
            client: {nat: full-cone, link: {latency: 10ms}, startup-delay: 0s, join-delay: 0s}
            network:
              peer-path: {latency: 5ms, loss: 50%}
            protocol:
              direct-fraction: 1   # every attempt direct
            precision: {half-width: 4%, metrics: [direct-rate], batch: 128}
            # The tune: the interval and the limit.
            tune:
              parameters:
                protocol.attempt-interval: [100ms, 300ms]
                protocol.attempt-limit: {range: [2, 6], step: 2}
              objectives:
                - {maximize: direct-rate}
                - {minimize: connect-time-p95}
              initial: 2
            # Gates stay in front.yaml.
            gates:
              - {metric: success-rate, at-least: 1%}
            """;

    private static TuneResult result;
    private static Map<String, String> files;

    @BeforeAll
    static void tune() throws Exception {
        result = Tuner.prepare(ScenarioLoader.load("small.yaml", SCENARIO), Tuner.Options.defaults().withThreads(2)).run();
        files = TuneReport.render(result);
    }

    @Test
    void everyFileIsWritten() {
        assertThat(files.keySet()).containsExactly("tune.json", "tune.md", "tune.html", "front.svg", "front.yaml");
        assertThat(result.front()).isNotEmpty();
    }

    @Test
    void tuneJsonHoldsEveryCandidateTheFrontAndTheChoice() throws Exception {
        JsonNode json = new ObjectMapper().readTree(files.get("tune.json"));
        assertThat(json.get("kind").asText()).isEqualTo("tune");
        assertThat(json.get("summary").get("gridSize").asInt()).isEqualTo(6);
        assertThat(json.get("summary").get("runs").asLong()).isEqualTo(result.runs());
        assertThat(json.get("candidates")).hasSize(result.candidates().size());
        JsonNode first = json.get("candidates").get(0);
        assertThat(first.get("seeds").asLong()).isEqualTo(result.candidates().get(0).seeds());
        assertThat(first.get("metrics").get("direct-rate").get("lower95").asDouble())
                .isLessThanOrEqualTo(first.get("metrics").get("direct-rate").get("value").asDouble());
        assertThat(json.get("front")).hasSize(result.front().size());
        assertThat(json.get("choice").get("candidate").asInt()).isEqualTo(result.choice().orElseThrow());
        assertThat(json.get("choice").get("reason").asText()).isEqualTo(result.reason());
    }

    @Test
    void theScatterPlotsEveryCandidateWithItsBarsAndMarksTheFrontAndTheChoice() throws Exception {
        String svg = files.get("front.svg");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(count(svg, "<g class=\"point front")).isEqualTo(result.front().size());
        assertThat(count(svg, "<g class=\"point front choice")).isEqualTo(1);
        assertThat(count(svg, "<g class=\"point")).isEqualTo(result.candidates().size());
        assertThat(count(svg, "<line class=\"bar\"")).isEqualTo(2 * result.candidates().size());
        assertThat(files.get("tune.html")).contains(svg).contains("<table class=\"front\">").contains("<table class=\"candidates\">");
        assertThat(files.get("tune.md")).contains("![direct-rate against connect-time-p95").contains("](front.svg)")
                .contains("**Recommended:** " + result.reason());
    }

    @Test
    void frontYamlKeepsTheFileWithoutItsTuneAndItsSweepReproducesTheFrontRunForRun() throws Exception {
        String front = files.get("front.yaml");
        assertThat(front).contains("# small: a file whose tune is small enough").contains("direct-fraction: 1   # every attempt direct")
                .contains("# Gates stay in front.yaml.").doesNotContain("# The tune:").doesNotContain("tune:\n")
                .contains("sweep:\n  protocol:\n");
        LoadedScenario loaded = ScenarioLoader.load("front.yaml", front);
        assertThat(loaded.precision()).contains(result.precision());
        SweepReport sweep = SweepJob.prepare(loaded, SweepJob.Options.defaults().withThreads(2)).run();
        assertThat(sweep.points()).hasSize(result.front().size());
        for (int i = 0; i < result.front().size(); i++) {
            TuneResult.Evaluated tuned = result.frontCandidates().get(i);
            SweepPoint swept = sweep.points().get(i);
            assertThat(swept.parameters().get("protocol")).contains("attempt-interval: " + tuned.parameters().get("protocol.attempt-interval"))
                    .contains("attempt-limit: " + tuned.parameters().get("protocol.attempt-limit"));
            assertThat(swept.aggregate().digest()).as("%s", tuned.label()).isEqualTo(tuned.aggregate().digest());
            assertThat(swept.aggregate().runs()).isEqualTo(tuned.seeds());
        }
        assertThat(sweep.passed()).isTrue();
    }

    /** A scenario's name is free text: tune.md and tune.html carry it as text, as the sweep's reports do. */
    @Test
    void aHostileScenarioNameStaysTextInTuneMdAndTuneHtml() throws Exception {
        String hostile = SCENARIO.replace("name: small", "name: \"evil <b>bold</b> & **x** [l](u)\"");
        Map<String, String> rendered = TuneReport.render(
                Tuner.prepare(ScenarioLoader.load("evil.yaml", hostile), Tuner.Options.defaults().withThreads(2)).run());
        assertThat(rendered.get("tune.md")).startsWith("## punchsim tune: evil &lt;b&gt;bold&lt;/b&gt; &amp; \\*\\*x\\*\\* [l\\](u)\n")
                .doesNotContain("<b>");
        assertThat(rendered.get("tune.html")).doesNotContain("<b>bold").contains("evil &lt;b&gt;bold&lt;/b&gt; &amp;");
    }

    private static int count(String text, String literal) {
        return (int) Pattern.compile(Pattern.quote(literal)).matcher(text).results().count();
    }
}
