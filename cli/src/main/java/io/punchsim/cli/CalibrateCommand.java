package io.punchsim.cli;

import io.punchsim.reports.format.ReportWriter;
import io.punchsim.scenarios.calibration.Calibration;
import io.punchsim.scenarios.calibration.CalibrationReport;
import io.punchsim.scenarios.calibration.FieldFigure;
import io.punchsim.scenarios.calibration.FieldFigures;
import io.punchsim.scenarios.load.ScenarioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Sets the simulator against figures measured in the field (Photon, Ford et al., libp2p, Tailscale, "
                + "WebRTC, ...): for each, the scenario that stands for what was measured (a shipped population, the "
                + "default process or the closest variant) runs, and its direct rate with a 95%% interval is judged "
                + "against the figure's band. Prints the table; writes calibration.md (the committed "
                + "docs/calibration.md) and each row's scenario under scenarios/.",
        footer = {"", "Examples:", "  ./punchsim calibrate --out calibration",
                "  ./punchsim calibrate --out calibration --seeds 2000 -q"})
final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write calibration.md and the scenarios.")
    Path out;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Runs per figure (default: " + Calibration.DEFAULT_SEEDS + ", as docs/calibration.md).")
    Long seeds;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads, 1..${sys:punchsim.max-threads} (default: all ${sys:punchsim.cores} cores). Results are identical for any N.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
        long n = RunOptions.seeds(seeds == null ? Calibration.DEFAULT_SEEDS : seeds);
        int t = RunOptions.threads(threads);
        OutputPaths.directory("--out", out);
        List<FieldFigure> figures = FieldFigures.all();
        Calibration calibration;
        try {
            calibration = Calibration.prepare(figures, n, t);
        } catch (ScenarioException e) {
            throw new IllegalStateException("a calibration scenario does not load: " + e.getMessage(), e);
        }
        List<Calibration.Row> rows;
        try (ProgressBar bar = ProgressBar.start(calibration.totalRuns(), calibration::runsDone, quiet)) {
            rows = calibration.run();
        }
        // Every file staged first and moved in only when all are written: no half-written calibration.
        Map<String, String> files = new LinkedHashMap<>();
        for (FieldFigure figure : figures) {
            files.put(Calibration.fileName(figure), figure.scenario());
        }
        files.put("calibration.md", CalibrationReport.markdown(rows, n));
        try {
            ReportWriter.writeAll(out, files);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the calibration to " + out + ": " + e.getMessage(), e);
        }
        System.out.print(CalibrationReport.text(rows));
        System.out.println("Written to " + out + " (calibration.md; each row's scenario in scenarios/)");
        System.out.flush();
        return ExitCode.OK;
    }
}
