package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.format.ReportJson;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.load.Examples;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.SweepJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reports to compare byte for byte, and the jobs of the shipped examples. */
final class Reports {
    private Reports() {}

    private static final String WALL_CLOCK = ",\n  \"wallClock\" : {";

    /** {@code report.json} as written, cut before its last section, the wall clock. */
    static String withoutWallClock(String reportJson) {
        int at = reportJson.lastIndexOf(WALL_CLOCK);
        assertThat(at).as("the wall clock is the last section of report.json").isPositive();
        assertThat(reportJson.substring(at + WALL_CLOCK.length())).as("the wall clock holds no object").doesNotContain("{");
        return reportJson.substring(0, at);
    }

    static String withoutWallClock(SweepReport report) {
        return withoutWallClock(ReportJson.write(report));
    }

    static String example(String name) {
        return Examples.text(name).orElseThrow();
    }

    /** The spec of an example file, every point, with {@code seeds} seeds (0: the file's). */
    static JobSpec spec(String name, long seeds) {
        SweepJob.Options options = SweepJob.Options.defaults().withThreads(1);
        if (seeds > 0) {
            options = options.withSeeds(seeds);
        }
        return JobSpec.of(name + ".yaml", example(name), options);
    }

    /** The spec of an example file, every point, each run until every rate is within {@code halfWidth}. */
    static JobSpec toHalfWidth(String name, double halfWidth) {
        return JobSpec.of(name + ".yaml", example(name), SweepJob.Options.defaults().withThreads(1).withHalfWidth(halfWidth));
    }

    /** The spec of a scenario file among this package's test resources, every point, by the file's rule. */
    static JobSpec resource(String name) {
        String file = name + ".yaml";
        try (InputStream in = Reports.class.getResourceAsStream(file)) {
            assertThat(in).as("test resource %s", file).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return JobSpec.of(file, text, SweepJob.Options.defaults().withThreads(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec with {@code seeds} seeds per point instead of the file's rule. */
    static JobSpec withSeeds(JobSpec spec, long seeds) {
        return new JobSpec(spec.file(), spec.text(), seeds, 0, spec.point());
    }

    /** The same job on this machine's runner with two threads, as {@code --threads 2}, not yet run. */
    static SweepJob twoThreadJob(JobSpec spec) throws Exception {
        return SweepJob.prepare(ScenarioLoader.load(spec.file(), spec.text()), spec.options().withThreads(2));
    }

    /** The report of the same job on this machine's runner with two threads, as {@code --threads 2}. */
    static SweepReport onTwoThreads(JobSpec spec) throws Exception {
        LoadedScenario loaded = Examples.load(spec.file());
        return SweepJob.prepare(loaded, spec.options().withThreads(2)).run();
    }
}
