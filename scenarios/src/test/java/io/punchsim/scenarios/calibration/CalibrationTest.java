package io.punchsim.scenarios.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the calibration report's verdicts: for each field figure, whether the simulator's 95%
 * interval meets its band, at 2,000 seeds per figure. A change to the NAT models, the process or a
 * population that moves a verdict fails here, naming the figure, the seeds and the numbers; the
 * committed {@code docs/calibration.md} (made with more seeds) must give the same verdicts.
 */
class CalibrationTest {

    private static final long SEEDS = 2_000;

    /** What the report says today, figure by figure. */
    private static final Map<String, Verdict> PINNED = new LinkedHashMap<>();

    static {
        PINNED.put("photon-home-broadband", Verdict.BELOW);
        PINNED.put("photon-peer-reflexive", Verdict.BELOW);
        PINNED.put("photon-mixed-players", Verdict.BELOW);
        PINNED.put("practitioner-1v1", Verdict.BELOW);
        PINNED.put("ford-2005", Verdict.MEETS);
        PINNED.put("halkes-pouwelse-2011", Verdict.ABOVE);
        PINNED.put("libp2p-dcutr", Verdict.MEETS);
        PINNED.put("tailscale", Verdict.BELOW);
        PINNED.put("webrtc", Verdict.BELOW);
        PINNED.put("mobile-cgnat", Verdict.NO_FIGURE);
        PINNED.put("strict-networks", Verdict.NO_FIGURE);
    }

    private static List<Calibration.Row> rows;

    @BeforeAll
    static void run() throws Exception {
        rows = Calibration.prepare(FieldFigures.all(), SEEDS, 2).run();
    }

    @Test
    void everyFigureIsPinned() {
        assertThat(FieldFigures.all()).extracting(FieldFigure::id).containsExactlyElementsOf(PINNED.keySet());
    }

    @Test
    void theVerdictsAreThePinnedOnes() {
        for (Calibration.Row row : rows) {
            FieldFigure f = row.figure();
            assertThat(row.verdict()).as("%s: direct %s over %d seeds from root seed %d (seeds %d..%d), band %s",
                    f.id(), CalibrationReport.interval(row.direct()), SEEDS, row.rootSeed(), row.rootSeed(),
                    row.rootSeed() + SEEDS - 1, CalibrationReport.band(f.band())).isEqualTo(PINNED.get(f.id()));
            assertThat(row.direct().trials()).isEqualTo(SEEDS);
        }
    }

    @Test
    void everyFigureThatCanMissItsBandSaysWhyInOneSentence() {
        for (FieldFigure f : FieldFigures.all()) {
            if (f.band().isPresent()) {
                assertThat(f.differs()).as(f.id()).isNotBlank().endsWith(".")
                        .doesNotContainPattern("[.!?] [A-Z]");
            }
            assertThat(f.source()).as(f.id()).matches(f.band().isPresent() ? "FIELD-DATA §[1-9], .+" : "(none|FIELD-DATA §[1-9], .+)");
        }
    }

    @Test
    void theCommittedReportGivesTheseFiguresAndVerdicts() throws Exception {
        String committed = Files.readString(Path.of("../docs/calibration.md"));
        for (FieldFigure f : FieldFigures.all()) {
            String start = "| `" + f.id() + "` | " + f.figure().replace("|", "\\|") + " | " + f.source() + " | "
                    + CalibrationReport.band(f.band()) + " | ";
            assertThat(committed).as("docs/calibration.md: the row of %s; regenerate it with %s", f.id(),
                    CalibrationReport.command(Calibration.DEFAULT_SEEDS)).contains(start);
            String row = committed.substring(committed.indexOf(start));
            row = row.substring(0, row.indexOf('\n'));
            assertThat(row).as("docs/calibration.md: the verdict of %s", f.id()).endsWith("| " + PINNED.get(f.id()).words() + " |");
        }
        assertThat(committed).contains(String.format(java.util.Locale.ROOT, "%,d seeds per figure",
                Calibration.DEFAULT_SEEDS));
    }
}
