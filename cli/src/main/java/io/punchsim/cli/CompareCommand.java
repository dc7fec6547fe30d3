package io.punchsim.cli;

import io.punchsim.reports.compare.Change;
import io.punchsim.reports.compare.Comparison;
import io.punchsim.reports.format.ReportDirectory;
import io.punchsim.reports.format.ReportJson;
import io.punchsim.reports.format.ReportSyntaxException;
import io.punchsim.reports.format.ReportWriter;
import io.punchsim.reports.sweep.SweepReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", aliases = "gate", mixinStandardHelpOptions = true,
        description = {"Compares a report with a baseline point by point and lists the statistically significant",
                "changes, better and worse. Exit 1 on a significant regression, 2 when the reports describe",
                "different scenarios or either report is partial (an interrupted sweep), unless --allow-partial."},
        footer = {"", "Example:", "  ./punchsim compare baseline/report.json report/report.json --out compare"})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The baseline report.json.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The report.json to judge.")
    Path current;

    @Option(names = "--out", paramLabel = "DIR", description = "Write compare.json, compare.md, compare.html, compare.csv and compare-junit.xml here.")
    Path out;

    @Option(names = "--allow-partial",
            description = "Judge a partial report on the points both reports hold, instead of refusing it with exit 2.")
    boolean allowPartial;

    @Override
    public Integer call() {
        try (ReportDirectory directory = out == null ? null : OutputPaths.reportDirectory("--out", out)) {
            Comparison comparison = Comparison.of(read(baseline), read(current), allowPartial);
            if (directory != null) {
                directory.write(ReportWriter.render(comparison));
            }
            return print(comparison);
        } catch (IOException e) {
            throw new BadInputException("--out " + out + ": cannot write: " + OutputPaths.describe(e), e);
        }
    }

    private static int print(Comparison comparison) {
        if (!comparison.sameScenario()) {
            System.out.println("Not the same scenario: " + comparison.mismatch());
            return comparison.exitCode();
        }
        if (!comparison.judged()) {
            System.out.println("Not judged: " + comparison.notJudgedBecause() + ".");
            return comparison.exitCode();
        }
        if (comparison.contentDiffers()) {
            // As compare.md says: a change may come from the edited file rather than from the code.
            System.out.println("Note: the scenario's resolved content differs between the reports (digests "
                    + comparison.baseline().contentDigest() + " vs " + comparison.current().contentDigest() + ").");
        }
        if (comparison.partial()) {
            System.out.println("Partial report (" + String.join("; ", comparison.partialReports())
                    + "): only the points both reports hold are compared.");
        }
        if (comparison.significantChanges().isEmpty()) {
            System.out.println("No significant change.");
        }
        for (Change change : comparison.significantChanges()) {
            String unit = change.metric().unit().suffix();
            System.out.println(String.format(java.util.Locale.ROOT, "%-7s %s  %s: %.4f%s -> %.4f%s  (%s%s)",
                    change.direction(), change.point().isEmpty() ? "(base)" : change.point(), change.metric().key(),
                    change.baseline(), unit, change.current(), unit, change.method(),
                    Double.isNaN(change.adjustedP()) ? "" : String.format(java.util.Locale.ROOT, ", Holm-adjusted p = %.3g", change.adjustedP())));
        }
        System.out.println(Comparison.METHOD_STATEMENT);
        return comparison.exitCode();
    }

    private static SweepReport read(Path file) {
        try {
            return ReportJson.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + OutputPaths.describe(e), e);
        } catch (ReportSyntaxException e) {
            throw new BadInputException(file + ":" + e.line() + ":" + e.column() + ": " + e.reason(), e);
        } catch (RuntimeException e) {
            throw new BadInputException(file + ": not a punchsim report.json: " + e.getMessage(), e);
        }
    }
}
