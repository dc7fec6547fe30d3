package io.punchsim.cli.net;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.config.Retransmission;
import io.punchsim.protocol.config.Units;
import io.punchsim.protocol.stun.DiscoveryResult;
import io.punchsim.realnet.RealnetMain;
import io.punchsim.realnet.stun.Classification;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Finds the behaviour of the NAT in front of this machine with RFC 5780 tests against a",
                "STUN server that supports them (`punchsim serve-stun --other`), and names the preset of the",
                "simulator that matches it. Prints `key: value` lines: nat, reflexive, mapping, filtering, preset, note."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  classified: a preset matches", "  2  bad input, or the --bind address is in use or not this machine's",
                "  3  no preset matches, the server lacks RFC 5780, or the tests were inconclusive", "",
                "Example:", "  ./punchsim classify --stun 203.0.113.5:3478"})
public final class ClassifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--stun", required = true, paramLabel = "HOST:PORT", converter = EndpointConverter.Destination.class,
            description = "A STUN server with RFC 5780 support (an alternate address).")
    Endpoint stun;

    @Option(names = "--bind", paramLabel = "HOST:PORT", converter = EndpointConverter.class,
            description = "Local address to test from (default: the address routed toward the server, any port).")
    Endpoint bind;

    @Option(names = "--rto", paramLabel = "DURATION", defaultValue = "200ms",
            description = "First retransmission timeout of each test, doubling (default: ${DEFAULT-VALUE}).")
    String rto;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "4",
            description = "Requests per test before it counts as unanswered (default: ${DEFAULT-VALUE}).")
    int requests;

    @Override
    public Integer call() {
        Retransmission policy;
        try {
            policy = Classification.schedule(Units.parseDuration(rto), requests);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Optional<DiscoveryResult> result;
        try {
            result = Classification.discover(stun, bind == null ? new Endpoint(0, 0) : bind, policy);
        } catch (IOException e) {
            System.err.println("punchsim: " + e.getMessage());
            return RealnetMain.exitCode(e);
        }
        if (result.isEmpty()) {
            System.out.println("interrupted");
            return RealnetMain.FAILED;
        }
        return report(result.get(), System.out);
    }

    /** What discovery observed, then the matching preset; 0 when one matches, 3 otherwise. */
    static int report(DiscoveryResult result, PrintStream out) {
        Classification.printDiscovery(result, out);
        PresetMatch match = PresetMatch.of(result);
        out.println("preset: " + match.preset().orElse("none"));
        out.println("note: " + match.note());
        out.flush();
        return match.preset().isPresent() ? RealnetMain.OK : RealnetMain.FAILED;
    }
}
