package io.punchsim.cli;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioException;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.nat.NatPresets;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Runs every ordered pair of NAT presets (host x client) with the default process at zero loss",
                "and prints the NAT-pair matrix: D = always direct, R = always relayed, F = always failed,",
                "otherwise the direct/relayed/failed percentages."},
        footer = {"", "Examples:", "  ./punchsim matrix",
                "  ./punchsim matrix --presets full-cone,restricted-cone,port-restricted-cone,symmetric --seeds 500 --out matrix"})
final class MatrixCommand implements Callable<Integer> {

    @Option(names = "--presets", split = ",", paramLabel = "NAME",
            description = "Presets to cross (default: every preset).")
    List<String> presets = NatPresets.names();

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the reports of the 'matrix' sweep here.")
    Path out;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        String list = String.join(", ", presets);
        String yaml = """
                name: matrix
                description: Every ordered pair of NAT presets under the default process, zero loss.
                seeds: 100
                host: {link: {latency: 10ms}, startup-delay: 0s}
                client: {link: {latency: 15ms}, startup-delay: 0s, join-delay: 0s}
                sweep:
                  host.nat: [%s]
                  client.nat: [%s]
                """.formatted(list, list);
        LoadedScenario loaded;
        try {
            loaded = ScenarioLoader.load("--presets", yaml);
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        SweepExecution.Outcome result = SweepExecution.execute(loaded, Scenarios.prepare(loaded), options, out,
                new PrintStream(java.io.OutputStream.nullOutputStream()));
        print(result, System.out);
        return result.exitCode();
    }

    private void print(SweepExecution.Outcome result, PrintStream out) {
        List<SweepPoint> points = result.report().points();
        int n = presets.size();
        String[][] cells = new String[n][n];
        int cellWidth = 3;
        for (int i = 0; i < n * n; i++) {
            String cell = i < points.size() ? cell(points.get(i).aggregate()) : "?";
            cells[i / n][i % n] = cell;
            cellWidth = Math.max(cellWidth, cell.length());
        }
        int rowWidth = Math.max("host \\ client".length(), presets.stream().mapToInt(String::length).max().orElse(0));
        // Columns are numbered, with a legend, so that a table of long preset names stays readable.
        StringBuilder header = new StringBuilder(String.format("%-" + rowWidth + "s", "host \\ client"));
        for (int c = 0; c < n; c++) {
            header.append(String.format("  %-" + cellWidth + "s", "(" + (c + 1) + ")"));
        }
        out.println(header);
        for (int r = 0; r < n; r++) {
            StringBuilder row = new StringBuilder(String.format("%-" + rowWidth + "s", presets.get(r)));
            for (int c = 0; c < n; c++) {
                row.append(String.format("  %-" + cellWidth + "s", cells[r][c]));
            }
            out.println(row);
        }
        StringBuilder legend = new StringBuilder("client:");
        for (int c = 0; c < n; c++) {
            legend.append(" (").append(c + 1).append(") ").append(presets.get(c));
        }
        out.println(legend);
        out.printf("%,d runs per pair; D always direct, R always relayed, F always failed%n",
                points.isEmpty() ? 0 : points.get(0).aggregate().runs());
    }

    private static String cell(PointAggregate a) {
        long n = a.runs();
        long d = a.count(Outcome.DIRECT);
        long r = a.count(Outcome.RELAYED);
        long f = a.count(Outcome.FAILED);
        if (d == n) {
            return "D";
        } else if (r == n) {
            return "R";
        } else if (f == n) {
            return "F";
        }
        return String.format(Locale.ROOT, "D%.0f%% R%.0f%% F%.0f%%", 100.0 * d / n, 100.0 * r / n, 100.0 * f / n);
    }
}
