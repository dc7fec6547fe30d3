package io.punchsim.reports.format;

import io.punchsim.reports.gate.Gate;
import io.punchsim.reports.gate.GateVerdict;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.reports.sweep.SweepReport;
import java.util.List;
import java.util.Map;

/**
 * {@code junit.xml}: one test case per gate per sweep point, so a CI that understands JUnit shows
 * gates as tests; a failure carries the measured value, the bound and the interval. Of an
 * interrupted sweep, the gates of the points that did not run, and of the point cut short, are
 * skipped test cases: they were not judged on the runs the scenario asks for.
 */
public final class JunitReport {

    private JunitReport() {
    }

    public static String write(SweepReport report) {
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        StringBuilder cases = new StringBuilder();
        String classname = "punchsim.gates." + report.scenario().name();
        for (SweepPoint p : report.points()) {
            for (GateVerdict v : p.verdicts()) {
                tests++;
                String name = v.gate().describe() + " @ " + p.label();
                if (!report.complete(p)) {
                    skipped++;
                    skippedCase(cases, classname, name, "the sweep was interrupted after " + p.aggregate().seeds() + " of "
                            + report.plan().runsPerPoint() + " runs of this point; on those runs: " + v.message());
                    continue;
                }
                cases.append("    <testcase classname=\"").append(Escape.xmlAttribute(classname)).append("\" name=\"").append(Escape.xmlAttribute(name))
                        .append("\" time=\"0\"");
                if (v.passed()) {
                    cases.append(">\n      <system-out>").append(Escape.xml(v.message())).append("</system-out>\n    </testcase>\n");
                } else {
                    failures++;
                    cases.append(">\n      <failure type=\"gate\" message=\"").append(Escape.xmlAttribute(v.message())).append("\">")
                            .append(Escape.xml(details(v))).append("</failure>\n    </testcase>\n");
                }
            }
        }
        int notRun = report.plan().points() - report.points().size();
        if (notRun > 0) {
            List<Map<String, String>> missing = report.pointsNotRun();
            for (Gate g : report.gates()) {
                if (missing.isEmpty()) {
                    tests++;
                    skipped++;
                    skippedCase(cases, classname, g.describe() + " @ " + notRun + " more point(s)",
                            "the sweep was interrupted before these points ran");
                }
                for (Map<String, String> parameters : missing) {
                    tests++;
                    skipped++;
                    skippedCase(cases, classname, g.describe() + " @ " + SweepPoint.label(parameters),
                            "the sweep was interrupted before this point ran");
                }
            }
        }
        return suite(classname, tests, failures, skipped, cases, report.partial() ? "the sweep was " + report.interruption() : null);
    }

    private static void skippedCase(StringBuilder cases, String classname, String name, String why) {
        cases.append("    <testcase classname=\"").append(Escape.xmlAttribute(classname)).append("\" name=\"").append(Escape.xmlAttribute(name))
                .append("\" time=\"0\">\n      <skipped message=\"").append(Escape.xmlAttribute(why)).append("\"/>\n    </testcase>\n");
    }

    static String details(GateVerdict v) {
        String interval = v.gate().metric().isRate()
                ? "Wilson 95% interval [" + Text.number(v.lower()) + ", " + Text.number(v.upper()) + "]"
                : "no interval (judged on the estimate)";
        return "measured: " + (Double.isNaN(v.measured()) ? "none" : Text.number(v.measured()))
                + "\nbound: " + v.gate().operator().key() + " " + Text.number(v.gate().bound())
                + "\nestimate: " + (Double.isNaN(v.estimate()) ? "none" : Text.number(v.estimate()))
                + "\n" + interval + "\njudged on: " + v.gate().judgedOn().key();
    }

    static String suite(String name, int tests, int failures, CharSequence cases, String note) {
        return suite(name, tests, failures, 0, cases, note);
    }

    static String suite(String name, int tests, int failures, int skipped, CharSequence cases, String note) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites tests=\"").append(tests).append("\" failures=\"").append(failures).append("\" errors=\"0\">\n");
        out.append("  <testsuite name=\"").append(Escape.xmlAttribute(name)).append("\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" skipped=\"").append(skipped).append("\" time=\"0\">\n");
        if (note != null) {
            out.append("    <properties>\n      <property name=\"note\" value=\"").append(Escape.xmlAttribute(note)).append("\"/>\n    </properties>\n");
        }
        out.append(cases);
        out.append("  </testsuite>\n</testsuites>\n");
        return out.toString();
    }
}
