package io.punchsim.cli;

import io.punchsim.nat.NatPreset;
import io.punchsim.nat.NatPresets;
import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.sweep.SweepPoint;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.load.Suggestions;
import io.punchsim.scenarios.model.LatencySpec;
import io.punchsim.scenarios.model.LinkSpec;
import io.punchsim.scenarios.model.NetworkSpec;
import io.punchsim.scenarios.model.PeerSpec;
import io.punchsim.scenarios.model.PresetNat;
import io.punchsim.scenarios.model.Scenario;
import io.punchsim.scenarios.model.ScenarioDefaults;
import io.punchsim.scenarios.run.SweepJob;
import io.punchsim.scenarios.sweep.SweepAxis;
import io.punchsim.scenarios.sweep.SweepSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final String NAME = "matrix";
    private static final String DESCRIPTION = "Every ordered pair of NAT presets under the default process, zero loss.";
    private static final int SEEDS = 100;
    private static final String HOST_NAT = "host.nat";
    private static final String CLIENT_NAT = "client.nat";
    private static final LatencySpec NO_DELAY = new LatencySpec.Constant(0);

    @Option(names = "--presets", split = ",", paramLabel = "NAME",
            description = "Presets to cross (default: every preset).")
    List<String> presets = NatPresets.names();

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the reports of the 'matrix' sweep here (checked before the first run, replaced as a whole).")
    Path out;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        LoadedScenario loaded = scenario(checked(presets));
        SweepJob job = Scenarios.job(loaded, options.job(SweepJob.Points.all()));
        SweepExecution.Outcome result = SweepExecution.execute(job, options.quiet, out,
                new PrintStream(java.io.OutputStream.nullOutputStream()));
        if (result.report() != null) {
            print(result, System.out);
        }
        return result.exitCode();
    }

    /** The presets named by the option, each checked, in the order given. */
    static List<NatPreset> checked(List<String> names) {
        if (names.isEmpty()) {
            throw new BadInputException("--presets: name at least one preset");
        }
        List<NatPreset> presets = new ArrayList<>();
        for (String name : names) {
            presets.add(NatPresets.find(name.trim()).orElseThrow(() -> new BadInputException("--presets: '" + name
                    + "' is not a preset; " + Suggestions.closest(name.trim(), NatPresets.names())
                            .map(near -> "did you mean '" + near + "'?")
                            .orElse("the presets are " + String.join(", ", NatPresets.names())))));
        }
        return presets;
    }

    /**
     * Every ordered pair of the presets (host slowest, client fastest) under the default process:
     * fixed latencies, no loss, no start-up delay, the client joining at once.
     */
    static LoadedScenario scenario(List<NatPreset> presets) {
        Scenario defaults = ScenarioLoader.defaults(NAME);
        NetworkSpec network = defaults.network();
        PeerSpec host = new PeerSpec(network.host().nat(), link(10), NO_DELAY, network.host().joinDelay());
        PeerSpec client = new PeerSpec(network.client().nat(), link(15), NO_DELAY, NO_DELAY);
        Scenario base = new Scenario(NAME, DESCRIPTION,
                new NetworkSpec(host, client, network.sameLan(), network.cloud(), network.stun(), network.peerPath()),
                defaults.protocol(), List.of(), SEEDS, defaults.rootSeed(), List.of());
        List<String> names = presets.stream().map(NatPreset::name).toList();
        List<io.punchsim.scenarios.sweep.SweepPoint> points = new ArrayList<>();
        for (NatPreset hostNat : presets) {
            for (NatPreset clientNat : presets) {
                Map<String, String> values = new LinkedHashMap<>();
                values.put(HOST_NAT, hostNat.name());
                values.put(CLIENT_NAT, clientNat.name());
                NetworkSpec pair = new NetworkSpec(
                        new PeerSpec(new PresetNat(hostNat), host.link(), host.startupDelay(), host.joinDelay()),
                        new PeerSpec(new PresetNat(clientNat), client.link(), client.startupDelay(), client.joinDelay()),
                        network.sameLan(), network.cloud(), network.stun(), network.peerPath());
                Scenario scenario = new Scenario(NAME, DESCRIPTION, pair, base.protocol(), base.faults(), base.seeds(),
                        base.rootSeed(), base.gates());
                points.add(new io.punchsim.scenarios.sweep.SweepPoint(points.size(), values, scenario));
            }
        }
        SweepSpec sweep = new SweepSpec(List.of(new SweepAxis(HOST_NAT, names), new SweepAxis(CLIENT_NAT, names)));
        return new LoadedScenario(NAME, base, sweep, points);
    }

    /** An access link with this one-way latency both ways, and otherwise the defaults. */
    private static LinkSpec link(long millis) {
        LinkSpec.Direction d = ScenarioDefaults.linkDirection();
        LinkSpec.Direction direction = new LinkSpec.Direction(new LatencySpec.Constant(millis * ScenarioDefaults.MS),
                d.jitterNanos(), d.fifo(), d.loss(), d.duplication());
        return new LinkSpec(direction, direction);
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
