package io.punchsim.realnet;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.DiscoveryResult;
import io.punchsim.protocol.config.Retransmission;
import io.punchsim.protocol.config.Units;
import io.punchsim.protocol.stun.StunServer;
import io.punchsim.protocol.cloud.CloudServer;
import io.punchsim.realnet.cloud.CloudLog;
import io.punchsim.realnet.cloud.CloudOptions;
import io.punchsim.realnet.cloud.CloudService;
import io.punchsim.realnet.peer.PeerRun;
import io.punchsim.realnet.peer.ProtocolFlags;
import io.punchsim.realnet.runtime.EventLoop;
import io.punchsim.realnet.runtime.ProcessLifetime;
import io.punchsim.realnet.stun.Classification;
import io.punchsim.realnet.stun.StunService;
import io.punchsim.realnet.trace.JsonLines;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The real-network commands without the {@code punchsim} front end, so the module can start its
 * own processes in tests: {@code serve-stun}, {@code serve-cloud}, {@code host}, {@code join} and
 * {@code classify}, with the same flags. The
 * {@code punchsim} command offers the same commands with full help.
 */
public final class RealnetMain {

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int FAILED = 3;
    public static final int INTERRUPTED = 130;

    private RealnetMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: serve-stun | serve-cloud | host | join | classify [options]");
            return BAD_INPUT;
        }
        try {
            return switch (args[0]) {
                case "serve-stun" -> serveStun(Arguments.parse(args, 1,
                        Set.of("--listen", "--other", "--software", "--changed-answers-per-minute"), Set.of()), out);
                case "serve-cloud" -> serveCloud(Arguments.parse(args, 1, withCloudOptions(withProtocol("--listen")),
                        ProtocolFlags.switchNames()), out);
                case "host" -> peer(Role.HOST, Arguments.parse(args, 1, withProtocol("--cloud", "--stun", "--bind", PeerRun.CLIENTS_FLAG),
                        ProtocolFlags.switchNames()), out);
                case "join" -> peer(Role.CLIENT, Arguments.parse(args, 1, withProtocol("--cloud", "--stun", "--bind"), ProtocolFlags.switchNames()), out);
                case "classify" -> classify(Arguments.parse(args, 1, Set.of("--stun", "--bind", "--rto", "--requests"), Set.of()), out);
                default -> throw new Arguments.BadInput("unknown command '" + args[0] + "'");
            };
        } catch (Arguments.BadInput | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return exitCode(e);
        } catch (RuntimeException e) {
            // A bug, not a datagram (the servers' machines drop what they cannot handle): the
            // last line still says what ended the command.
            err.println("error: " + e);
            return FAILED;
        }
    }

    private static Set<String> withCloudOptions(Set<String> names) {
        Set<String> all = new HashSet<>(names);
        all.addAll(CloudOptions.names());
        return all;
    }

    private static Set<String> withProtocol(String... own) {
        Set<String> names = new HashSet<>(ProtocolFlags.valuedNames());
        names.addAll(List.of(own));
        return names;
    }

    private static ProtocolConfig config(Arguments args) {
        Map<String, String> protocol = new HashMap<>(args.values());
        protocol.keySet().retainAll(ProtocolFlags.valuedNames());
        return ProtocolFlags.toConfig(protocol, args.switches());
    }

    static int serveCloud(Arguments args, PrintStream out) throws IOException {
        Map<String, String> own = new HashMap<>(args.values());
        own.keySet().retainAll(CloudOptions.names());
        return serveCloud(new CloudService(args.endpoint("--listen"), config(args), CloudOptions.toSettings(own)), out);
    }

    /**
     * Serves until interrupted; prints where it listens, then the steps the cloud takes (at most
     * so many a second) and, every status interval, the sizes of its tables.
     */
    public static int serveCloud(CloudService service, PrintStream out) throws IOException {
        EventLoop loop = new EventLoop();
        JsonLines lines = new JsonLines(out);
        CloudLog log = new CloudLog(lines, service.settings().stepLinesPerSecond());
        CloudServer cloud;
        try {
            cloud = service.open(loop, log, bound -> loop.setTimer(loop.now(),
                    () -> lines.line(loop.now(), JsonLines.fields("role", "cloud", "listening", bound.toString()))));
        } catch (IOException e) {
            loop.close();
            throw e;
        }
        long every = service.settings().statusIntervalNanos();
        if (every > 0) {
            Runnable[] status = new Runnable[1];
            status[0] = () -> {
                log.status(loop.now(), cloud);
                loop.setTimer(loop.now() + every, status[0]);
            };
            loop.setTimer(loop.now() + every, status[0]);
        }
        ProcessLifetime.run(loop, () -> false);
        return OK;
    }

    static int peer(Role role, Arguments args, PrintStream out) throws IOException {
        int clients = args.value(PeerRun.CLIENTS_FLAG).map(PeerRun::clients).orElse(1);
        PeerRun run = new PeerRun(role, args.destination("--cloud"), args.destination("--stun"),
                args.optionalEndpoint("--bind").orElse(new Endpoint(0, 0)), config(args), clients);
        return exitCode(run.run(new JsonLines(out)));
    }

    /**
     * 0 for DIRECT or RELAYED (for a host, every client it served), 3 for FAILED (for a host, any
     * client), 130 (as for SIGINT) when interrupted.
     */
    public static int exitCode(PeerRun.Ending ending) {
        return switch (ending) {
            case CONNECTED -> OK;
            case FAILED -> FAILED;
            case INTERRUPTED -> INTERRUPTED;
        };
    }

    /**
     * 2 for a socket that could not be bound (an address in use or not this machine's: input to
     * fix, like a bad option), 3 for any other socket error.
     */
    public static int exitCode(IOException e) {
        return e instanceof java.net.BindException ? BAD_INPUT : FAILED;
    }

    static int serveStun(Arguments args, PrintStream out) throws IOException {
        int changedAnswers = args.value("--changed-answers-per-minute")
                .map(text -> wholeNumber("--changed-answers-per-minute", text))
                .orElse(StunServer.DEFAULT_CHANGED_ANSWERS_PER_MINUTE);
        StunService service = new StunService(args.endpoint("--listen"), args.optionalEndpoint("--other").orElse(null),
                args.value("--software").orElse(StunServer.DEFAULT_SOFTWARE), changedAnswers);
        return serveStun(service, out);
    }

    private static int wholeNumber(String name, String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Arguments.BadInput(name + ": not a whole number of at least 0: '" + text + "'");
    }

    /** Serves until interrupted; prints one line per bound socket first. */
    public static int serveStun(StunService service, PrintStream out) throws IOException {
        EventLoop loop = new EventLoop();
        List<Endpoint> bound;
        try {
            bound = service.open(loop);
        } catch (IOException e) {
            loop.close();
            throw e;
        }
        JsonLines lines = new JsonLines(out);
        // Announce from inside the run, when Ctrl-C is already handled.
        loop.setTimer(loop.now(), () -> {
            for (Endpoint socket : bound) {
                lines.line(loop.now(), JsonLines.fields("role", "stun", "listening", socket.toString()));
            }
        });
        ProcessLifetime.run(loop, () -> false);
        return OK;
    }

    static int classify(Arguments args, PrintStream out) throws IOException {
        Retransmission defaults = Classification.DEFAULT_SCHEDULE;
        long rto = args.value("--rto").map(Units::parseDuration).orElse(defaults.initialRtoNanos());
        int requests = args.value("--requests").map(Integer::parseInt).orElse(defaults.maxTransmissions());
        return classify(args.destination("--stun"), args.optionalEndpoint("--bind").orElse(new Endpoint(0, 0)),
                Classification.schedule(rto, requests), out);
    }

    /**
     * Prints what RFC 5780 discovery observed; 0 when it concluded, 3 when it could not. The
     * {@code punchsim classify} command adds the matching preset of the simulator.
     */
    public static int classify(Endpoint stun, Endpoint bind, Retransmission schedule, PrintStream out)
            throws IOException {
        Optional<DiscoveryResult> result = Classification.discover(stun, bind, schedule);
        if (result.isEmpty()) {
            out.println("interrupted");
            return FAILED;
        }
        Classification.printDiscovery(result.get(), out);
        return Classification.concluded(result.get()) ? OK : FAILED;
    }
}
