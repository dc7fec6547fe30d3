package io.punchsim.cli;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.run.PreparedPoint;
import io.punchsim.scenarios.run.RelayWindow;
import io.punchsim.scenarios.run.SweepJob;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says so when a setting cannot relay at all (its relay attempts start after the host's listen
 * timeout): {@code validate} warns, and a sweep explains the failures of such a point.
 */
final class RelayWarnings {
    /** Points named one by one; past this a count. */
    static final int NAMED = 10;

    private RelayWarnings() {}

    /** One warning line per point that cannot relay (the first {@link #NAMED}, then a count). */
    static List<String> of(LoadedScenario loaded) {
        List<String> lines = new ArrayList<>();
        int found = 0;
        for (SweepPoint point : loaded.points()) {
            Optional<String> problem = RelayWindow.problem(point.scenario().protocol());
            if (problem.isPresent() && found++ < NAMED) {
                lines.add("warning " + loaded.file() + ": " + where(point) + problem.get());
            }
        }
        if (found > NAMED) {
            lines.add("warning " + loaded.file() + ": ... and " + (found - NAMED) + " more points whose relay attempts start after"
                    + " the host's listen timeout");
        }
        return lines;
    }

    /** After a sweep's table: why each such point's runs failed. */
    static void explain(SweepJob job, SweepReport report, PrintStream out) {
        for (int i = 0; i < Math.min(job.points().size(), report.points().size()); i++) {
            PreparedPoint point = job.points().get(i);
            PointAggregate aggregate = report.points().get(i).aggregate();
            long failed = aggregate.count(Outcome.FAILED);
            Optional<String> problem = RelayWindow.problem(point.scenario().protocol());
            if (failed > 0 && problem.isPresent()) {
                out.println((point.point().values().isEmpty() ? "" : "Point " + (point.point().index() + 1) + ": ") + failed + " of "
                        + aggregate.runs() + " runs failed; " + problem.get() + ".");
            }
        }
    }

    private static String where(SweepPoint point) {
        return point.values().isEmpty() ? "" : "point " + (point.index() + 1) + " (" + point.label() + "): ";
    }
}
