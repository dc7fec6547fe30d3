package io.punchsim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.scenarios.load.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema knows populations, their overrides (entry names by pattern), link presets and
 * region pairs, sweep axes through an override included, as the loader does.
 */
class PopulationSchemaTest {

    @Test
    void whatTheLoaderAcceptsTheSchemaAccepts() throws Exception {
        String text = """
                host: {nat: {population: home-broadband, weights: {behind-cgnat: 30%}}, link: {preset: 4g}}
                client: {nat: {population: mixed-players}, link: {preset: geo-satellite, loss: 0}}
                network: {cloud: {region: us-eu, from-host: 10ms}, stun: {region: eu-asia}}
                sweep:
                  client.nat.weights.mobile-cgnat: [10%, 40%]
                  host.nat.population: [home-broadband, mixed-players]
                """;
        assertThat(ScenarioLoader.load("p.yaml", text).points()).hasSize(4);
        assertThat(SchemaCheck.complaints(text)).hasValue(List.of());
    }

    @Test
    void unknownNamesAreRefusedAtTheirKey() {
        assertThat(SchemaCheck.complaints("client: {nat: {population: mixed-players, weights: {mobile: 40%}}}\n").orElseThrow())
                .anySatisfy(c -> assertThat(c.isAbout("client.nat.weights.mobile")).isTrue());
        assertThat(SchemaCheck.complaints("client: {link: {preset: 5g}}\n").orElseThrow())
                .anySatisfy(c -> assertThat(c.isAbout("client.link.preset")).isTrue());
        assertThat(SchemaCheck.complaints("network: {cloud: {region: mars}}\n").orElseThrow())
                .anySatisfy(c -> assertThat(c.isAbout("network.cloud.region")).isTrue());
        assertThat(SchemaCheck.complaints("sweep: {client.nat.weights.mobile: [1]}\n").orElseThrow())
                .anySatisfy(c -> assertThat(c.isAbout("client.nat.weights.mobile")).isTrue());
    }
}
