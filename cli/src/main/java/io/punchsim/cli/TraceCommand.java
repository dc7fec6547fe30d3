package io.punchsim.cli;

import io.punchsim.protocol.event.StepEvent;
import io.punchsim.reports.outcome.SessionOutcome;
import io.punchsim.scenarios.load.LoadedScenario;
import io.punchsim.scenarios.run.ConnectionRun;
import io.punchsim.scenarios.run.PreparedPoint;
import io.punchsim.scenarios.run.RunObserver;
import io.punchsim.scenarios.run.SweepJob;
import io.punchsim.sim.net.TraceListener;
import io.punchsim.sim.pcap.PcapWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Replays one run step by step: a text timeline, JSON lines (one step per line, virtual time",
                "in ms, the step id of the spec), or a Mermaid sequence diagram; optionally a pcap of every datagram.",
                "Each client of a session is named: client, client-2, client-3 ..."},
        footer = {"", "Examples:", "  ./punchsim trace scenarios/examples/fusion-default.yaml --seed 7",
                "  ./punchsim trace scenarios/examples/fusion-default.yaml --seed 7 --format mermaid",
                "  ./punchsim trace scenarios/examples/nat-matrix.yaml --point 16 --seed 1 --pcap run.pcap"})
final class TraceCommand implements Callable<Integer> {

    enum Format { text, json, mermaid }

    @Parameters(paramLabel = "FILE", description = "Scenario file (YAML).")
    Path file;

    @Option(names = "--seed", paramLabel = "N", required = true,
            description = "The run's seed (a sweep's run i uses root-seed + i; failure messages print it).")
    long seed;

    @Option(names = "--point", paramLabel = "K", description = "Sweep point K (1-based, grid order); default the base scenario.")
    Integer point;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or mermaid (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--pcap", paramLabel = "FILE", description = "Also write every simulated datagram, with its real bytes, to this pcap file.")
    Path pcap;

    @Override
    public Integer call() throws IOException {
        LoadedScenario loaded = Scenarios.load(file);
        PreparedPoint prepared = Scenarios.job(loaded,
                SweepJob.Options.defaults().withPoints(Scenarios.point(file, loaded, point))).points().get(0);

        List<Timeline.Traced> steps = new ArrayList<>();
        List<Timeline.FaultNote> faults = new ArrayList<>();
        PacketLog packets = new PacketLog(prepared.scenario().network().clients());
        Timeline.Nats[] nats = new Timeline.Nats[1];
        // Written beside its name and moved in whole; checked and opened before the run.
        Path partialPcap = pcap == null ? null : OutputPaths.file("--pcap", pcap).resolveSibling("." + pcap.getFileName() + ".part");
        SessionOutcome outcome;
        try (PcapWriter writer = partialPcap == null ? null : new PcapWriter(new BufferedOutputStream(open(partialPcap)))) {
            outcome = ConnectionRun.session(prepared, seed, new RunObserver() {
                @Override
                public void onStep(String peer, StepEvent event) {
                    steps.add(new Timeline.Traced(peer, event));
                }

                @Override
                public TraceListener packets() {
                    return writer == null ? packets : TraceListener.both(packets, writer);
                }

                @Override
                public void onFault(long atNanos, String description) {
                    faults.add(new Timeline.FaultNote(atNanos, description));
                }

                @Override
                public void onNats(String hostNat, List<String> clientNats) {
                    nats[0] = new Timeline.Nats(hostNat, List.copyOf(clientNats));
                }
            });
        }
        if (partialPcap != null) {
            try {
                Files.move(partialPcap, pcap, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(partialPcap);
                throw new BadInputException("--pcap " + pcap + ": cannot write: " + OutputPaths.describe(e), e);
            }
        }
        PrintStream out = System.out;
        switch (format) {
            case text -> Timeline.text(out, steps, faults, packets, outcome, nats[0]);
            case json -> Timeline.json(out, steps, outcome);
            case mermaid -> Timeline.mermaid(out, steps, faults, packets, outcome);
        }
        if (pcap != null) {
            System.err.println("pcap written to " + pcap);
        }
        return ExitCode.OK;
    }

    private OutputStream open(Path partialPcap) {
        try {
            return Files.newOutputStream(partialPcap);
        } catch (IOException e) {
            throw new BadInputException("--pcap " + pcap + ": cannot write: " + OutputPaths.describe(e), e);
        }
    }
}
