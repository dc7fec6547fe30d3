package io.punchsim.reports.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The README's metrics table is the registry's: a metric added, renamed or re-flagged fails here until the table follows. */
class MetricsReadmeTest {

    static String table() {
        StringBuilder t = new StringBuilder("| metric | label | unit | better | gate | compare | summary | measures |\n")
                .append("|---|---|---|---|:-:|:-:|:-:|---|\n");
        for (Metric m : Metrics.all()) {
            t.append("| `").append(m.key()).append("` | ").append(m.label()).append(" | ")
                    .append(m.unit().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(m.better().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(m.gateable() ? "yes" : "").append(" | ")
                    .append(m.comparable() ? "yes" : "").append(" | ")
                    .append(m.inSummary() ? "yes" : "").append(" | ")
                    .append(m.meaning()).append(" |\n");
        }
        return t.toString();
    }

    @Test
    void theReadmeListsEveryMetricAsTheRegistryDeclaresIt() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).as("reports/README.md must hold this table, under Metrics:%n%s", table()).contains(table());
    }
}
