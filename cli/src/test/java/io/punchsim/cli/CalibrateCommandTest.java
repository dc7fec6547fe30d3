package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.scenarios.calibration.Calibration;
import io.punchsim.scenarios.calibration.FieldFigure;
import io.punchsim.scenarios.calibration.FieldFigures;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.SweepJob;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code punchsim calibrate} prints the table, writes calibration.md and each row's scenario, and
 * a written scenario run alone gives the row's figure.
 */
class CalibrateCommandTest {

    @Test
    void itWritesTheReportAndScenariosThatRunAloneToTheSameFigures(@TempDir Path out) throws Exception {
        Cli.Result result = Cli.run("calibrate", "--out", out.toString(), "--seeds", "200", "-q", "--threads", "2");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("figure ").contains("photon-home-broadband  85.0%-95.0%")
                .contains("Written to " + out);
        String md = Files.readString(out.resolve("calibration.md"));
        assertThat(md).startsWith("# Calibration: the simulator against the field\n").contains("200 seeds per figure")
                .contains("./punchsim calibrate --out calibration --seeds 200");
        for (FieldFigure figure : FieldFigures.all()) {
            Path file = out.resolve(Calibration.fileName(figure));
            assertThat(Files.readString(file)).isEqualTo(figure.scenario());
            assertThat(md).contains("| `" + figure.id() + "` | ");
        }
        // One row, run alone as its file says: the same direct count as the report's.
        FieldFigure ford = FieldFigures.all().stream().filter(f -> f.id().equals("ford-2005")).findFirst().orElseThrow();
        var report = SweepJob.prepare(ScenarioLoader.load(out.resolve(Calibration.fileName(ford))),
                SweepJob.Options.defaults().withSeeds(200).withThreads(1)).run();
        long direct = report.points().get(0).aggregate().count(io.punchsim.reports.outcome.Outcome.DIRECT);
        String row = md.lines().filter(l -> l.startsWith("| `ford-2005` |")).findFirst().orElseThrow();
        assertThat(row).contains(String.format(java.util.Locale.ROOT, "| %.2f%% [", 100.0 * direct / 200));
    }

    @Test
    void badSeedsAreBadInput() {
        Cli.Result result = Cli.run("calibrate", "--out", "unused", "--seeds", "0");
        assertThat(result.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).contains("--seeds must be within 1..100,000,000");
    }
}
