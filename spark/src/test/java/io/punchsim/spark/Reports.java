package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.format.ReportJson;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.load.Examples;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.run.SweepJob;

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

    /** The report of the same job on this machine's runner with two threads, as {@code --threads 2}. */
    static SweepReport onTwoThreads(JobSpec spec) throws Exception {
        LoadedScenario loaded = Examples.load(spec.file());
        return SweepJob.prepare(loaded, spec.options().withThreads(2)).run();
    }
}
