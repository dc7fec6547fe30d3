package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.format.ReportWriter;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.reports.sweep.WallClock;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.SweepJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} with a partial report (what an interrupted sweep writes: the points that
 * finished, marked partial) refuses to judge it, exit 2, unless {@code --allow-partial}.
 */
class PartialReportsTest {

    private static final String SCENARIO = """
            name: partial-compare
            seeds: 400
            sweep:
              protocol.attempt-limit: [3, 6, 10]
            """;

    @TempDir
    static Path dir;

    private static String baseline;
    private static String partial;

    @BeforeAll
    static void reports() throws Exception {
        Path file = Files.writeString(dir.resolve("partial-compare.yaml"), SCENARIO);
        Cli.Result whole = Cli.run("sweep", file.toString(), "--out", dir.resolve("whole").toString(), "-q");
        assertThat(whole.exit()).as(whole.out() + whole.err()).isEqualTo(ExitCode.OK);
        baseline = dir.resolve("whole/report.json").toString();
        // What a sweep interrupted during its second point writes: the first point whole, 100 runs of the second.
        SweepJob job = SweepJob.prepare(ScenarioLoader.load(file));
        List<PointAggregate> finished = List.of(job.runSeeds(0, 0, 400), job.runSeeds(1, 0, 100));
        SweepReport cut = job.judge(finished, true, WallClock.ofThisMachine(1, 500, 1));
        ReportWriter.write(dir.resolve("cut"), cut);
        partial = dir.resolve("cut/report.json").toString();
    }

    @Test
    void aPartialReportOnEitherSideIsNotJudged() throws IOException {
        for (String[] sides : new String[][] {{baseline, partial, "current"}, {partial, baseline, "baseline"}}) {
            Path out = dir.resolve("compare-" + sides[2]);
            Cli.Result r = Cli.run("compare", sides[0], sides[1], "--out", out.toString());
            assertThat(r.exit()).as("partial %s: %s", sides[2], r.out()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.out()).startsWith("Not judged: a partial report (" + sides[2] + ": interrupted: 1 of 3 points (500 of 1,200 runs));")
                    .contains("--allow-partial").doesNotContain("No significant change");
            assertThat(Files.readString(out.resolve("compare.md"))).contains("**Not judged:**");
            assertThat(Files.readString(out.resolve("compare.json"))).contains("\"exitCode\" : 2", "\"judged\" : false");
            assertThat(Files.readString(out.resolve("compare-junit.xml"))).contains("<failure type=\"partial\"");
        }
    }

    @Test
    void allowedItIsJudgedOnThePointsBothHold() {
        Cli.Result r = Cli.run("compare", baseline, partial, "--allow-partial");
        assertThat(r.exit()).as(r.out() + r.err()).isIn(ExitCode.OK, ExitCode.GATE_FAILED);
        assertThat(r.out()).startsWith("Partial report (current: interrupted: 1 of 3 points (500 of 1,200 runs)): only the points"
                + " both reports hold are compared.");
        assertThat(Cli.run("compare", "--help").out()).contains("--allow-partial", "partial");
    }

    @Test
    void theSweepConsoleSaysHowFarItGot() throws IOException {
        // The partial report as written: its headline.
        assertThat(Files.readString(dir.resolve("cut/report.md")))
                .contains("> **Partial results, interrupted: 1 of 3 points (500 of 1,200 runs).**");
    }
}
