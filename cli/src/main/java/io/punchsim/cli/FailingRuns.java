package io.punchsim.cli;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.sweep.SweepReport;
import io.punchsim.scenarios.run.SweepJob;
import io.punchsim.scenarios.sweep.SweepPoint;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** After the summary: for each point with failed runs, the command that replays one of them. */
final class FailingRuns {
    private FailingRuns() {}

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:+-]+");

    static void print(SweepJob job, SweepReport report, PrintStream out) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < report.points().size(); i++) {
            PointAggregate a = report.points().get(i).aggregate();
            long[] seeds = a.exampleSeeds(Outcome.FAILED);
            if (a.count(Outcome.FAILED) == 0 || seeds.length == 0) {
                continue;
            }
            SweepPoint point = job.points().get(i).point();
            List<String> reasons = new ArrayList<>();
            for (FailureReason r : FailureReason.values()) {
                if (r != FailureReason.NONE && a.failures(r) > 0) {
                    reasons.add(r.name() + " " + a.failures(r));
                }
            }
            lines.add(traceCommand(job.scenario().file(), point, seeds[0]) + "    # " + (point.values().isEmpty() ? "" : point.label() + ": ")
                    + a.count(Outcome.FAILED) + " of " + a.runs() + " failed (" + String.join(", ", reasons) + ")");
        }
        if (!lines.isEmpty()) {
            out.println("Failed runs; to replay the first of each point step by step:");
            lines.forEach(l -> out.println("  " + l));
        }
    }

    /** The command that replays the run with this seed of this point, as one pastes it into a shell. */
    static String traceCommand(String file, SweepPoint point, long seed) {
        return "./punchsim trace " + shellWord(file) + (point.values().isEmpty() ? "" : " --point " + (point.index() + 1))
                + " --seed " + seed;
    }

    static String shellWord(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
