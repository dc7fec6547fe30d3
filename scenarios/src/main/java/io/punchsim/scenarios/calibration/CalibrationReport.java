package io.punchsim.scenarios.calibration;

import io.punchsim.reports.stats.Proportion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The calibration table as text for a terminal and as Markdown (the committed {@code
 * docs/calibration.md} is the latter); both hold only what the seeds determine, never the wall
 * clock, so the same seeds give the same bytes.
 */
public final class CalibrationReport {

    private CalibrationReport() {
    }

    /** The command that writes the report with {@code seeds} seeds per figure into {@code calibration/}. */
    public static String command(long seeds) {
        return "./punchsim calibrate --out calibration" + (seeds == Calibration.DEFAULT_SEEDS ? "" : " --seeds " + seeds);
    }

    public static String markdown(List<Calibration.Row> rows, long seeds) {
        StringBuilder md = new StringBuilder();
        md.append("# Calibration: the simulator against the field\n\n");
        md.append("Each row sets a figure measured in the field (every one from `FIELD-DATA.md`, by section) against\n"
                + "the simulator's direct rate for the scenario that stands for what was measured: a shipped\n"
                + "population, and the default process or, where the source measured another, the closest variant.\n"
                + "The simulator's figure is the share of runs that connected directly, with its Wilson 95% interval;\n"
                + "it **meets** the band when that interval and the band overlap.\n\n");
        md.append("Nothing here is tuned to pass. The populations are the shipped files, in which every weight comes\n"
                + "from a figure of the field data or is a stated assumption (`punchsim populations` prints them), and\n"
                + "no weight was chosen to move a row. Where the interval misses the band, the next section says why in\n"
                + "one sentence.\n\n");
        md.append(String.format(Locale.ROOT, "%,d seeds per figure", seeds))
                .append(" from root seed 1, the same for any number of threads: this is the file\n")
                .append("`punchsim calibrate` writes, and the committed `docs/calibration.md` is regenerated with\n\n")
                .append("```sh\n").append(command(seeds)).append(" && cp calibration/calibration.md docs/calibration.md\n```\n\n")
                .append("The command also writes each row's scenario (shown under [Each figure](#each-figure)) as\n"
                        + "`calibration/scenarios/ID.yaml`, so any row runs alone with `./punchsim run` and gives the same\n"
                        + "figure. Links do not vary with the NAT drawn: each row uses one link preset for both peers.\n\n");
        md.append("| figure | field figure | source | band (direct) | simulator: direct (95% interval) | verdict |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Calibration.Row row : rows) {
            FieldFigure f = row.figure();
            md.append("| `").append(f.id()).append("` | ").append(cell(f.figure())).append(" | ").append(cell(f.source()))
                    .append(" | ").append(band(f.band())).append(" | ").append(interval(row.direct())).append(" | ")
                    .append(row.verdict().words()).append(" |\n");
        }
        md.append("\n## Why a band is missed\n\n");
        boolean any = false;
        for (Calibration.Row row : rows) {
            if (row.verdict() == Verdict.BELOW || row.verdict() == Verdict.ABOVE) {
                md.append("- `").append(row.figure().id()).append("` (").append(row.verdict().words()).append("): ")
                        .append(row.figure().differs()).append('\n');
                any = true;
            }
        }
        if (!any) {
            md.append("Every band is met.\n");
        }
        md.append("\n## Each figure\n");
        for (Calibration.Row row : rows) {
            FieldFigure f = row.figure();
            md.append("\n### `").append(f.id()).append("`\n\n");
            md.append("- Field figure: ").append(f.figure())
                    .append(f.source().equals("none") ? "" : " (" + f.source() + ")").append(".\n");
            md.append("- Band: ").append(f.band().map(b -> band(f.band()) + ", " + b.why()).orElse("none")).append(".\n");
            md.append("- Simulated: ").append(f.setting()).append("; ").append(f.process()).append(".\n");
            if (!f.note().isEmpty()) {
                md.append("- Note: ").append(f.note()).append('\n');
            }
            md.append("- Direct: ").append(interval(row.direct())).append(" over ")
                    .append(String.format(Locale.ROOT, "%,d", row.direct().trials())).append(" runs from root seed ")
                    .append(row.rootSeed()).append(": ").append(row.verdict().words()).append(".\n");
            md.append("- Scenario, `").append(Calibration.fileName(f)).append("`:\n\n```yaml\n")
                    .append(f.scenario().lines().filter(l -> !l.startsWith("#")).collect(java.util.stream.Collectors.joining("\n")))
                    .append("\n```\n");
        }
        return md.toString();
    }

    /** A fixed-width table for the terminal: one line per figure. */
    public static String text(List<Calibration.Row> rows) {
        StringBuilder t = new StringBuilder();
        int width = rows.stream().mapToInt(r -> r.figure().id().length()).max().orElse(6);
        t.append(String.format(Locale.ROOT, "%-" + width + "s  %-13s  %-24s  %s%n", "figure", "band", "simulator: direct",
                "verdict"));
        for (Calibration.Row row : rows) {
            t.append(String.format(Locale.ROOT, "%-" + width + "s  %-13s  %-24s  %s%n", row.figure().id(),
                    band(row.figure().band()), interval(row.direct()), row.verdict().words()));
        }
        return t.toString();
    }

    static String band(Optional<Band> band) {
        return band.map(b -> percent(b.low(), 1) + "-" + percent(b.high(), 1)).orElse("none");
    }

    static String interval(Proportion p) {
        return percent(p.estimate(), 2) + " [" + percent(p.lower(), 2) + ", " + percent(p.upper(), 2) + "]";
    }

    private static String percent(double rate, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * rate);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
