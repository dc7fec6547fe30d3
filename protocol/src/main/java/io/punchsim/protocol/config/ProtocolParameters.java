package io.punchsim.protocol.config;

import io.punchsim.protocol.config.Parameter.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every parameter of the connection process, each declared once: scenario key, type and range,
 * default and why, what it means, and how it sets and reads a {@link ProtocolConfig}. The scenario
 * binder, the JSON Schema, the protocol table of the scenario docs and the flags of
 * {@code punchsim host}, {@code join} and {@code serve-cloud} are derived from this list, so a
 * real peer without flags runs exactly the process a scenario without {@code protocol:} keys runs.
 */
public final class ProtocolParameters {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long MINUTE = 60 * S;
    private static final long HOUR = 3_600 * S;
    private static final long DAY = 24 * HOUR;

    private static final ValueType.Duration INTERVAL = new ValueType.Duration(MS, MINUTE);
    private static final ValueType.Switch SWITCH = new ValueType.Switch();

    /** The one parameter a scenario gives per peer, as a latency distribution drawn per run. */
    public static final Parameter<StartupDelay> STARTUP_DELAY = new Parameter<>("startup-delay",
            new ValueType.DelayRange(MINUTE), new StartupDelay(0, 100 * MS), "0s..100ms",
            "step H7/C7, the runner's start-up: a fixed duration or MIN..MAX drawn uniformly",
            "a game's runner takes up to a tenth of a second to initialise",
            Scope.PEER, ProtocolConfig.Builder::startupDelay, ProtocolConfig::startupDelay);

    /** The table, in documentation order. */
    public static final List<Parameter<?>> ALL = List.of(
            duration("attempt-interval", INTERVAL, 500 * MS,
                    "T, between the client's connection attempts (the first is sent at K1)",
                    "the vendor's documented attempt interval",
                    ProtocolConfig.Builder::attemptInterval, ProtocolConfig::attemptIntervalNanos),
            new Parameter<>("attempt-limit", new ValueType.Count(1, 1_000), 10, "10",
                    "L, attempts before the client gives up",
                    "the vendor's documented attempt limit",
                    Scope.PROTOCOL, ProtocolConfig.Builder::attemptLimit, ProtocolConfig::attemptLimit),
            new Parameter<>("direct-fraction", new ValueType.Share(), Fraction.TWO_THIRDS, "2/3",
                    "f: attempt n goes to the host's reflexive address while n < f x L, later ones through the cloud's relay",
                    "the vendor's documented switch-over to the relay after 2/3 of the attempts",
                    Scope.PROTOCOL, ProtocolConfig.Builder::directFraction, ProtocolConfig::directFraction),
            new Parameter<>("ping-interval", INTERVAL, null, "the attempt interval",
                    "P, between the host's pings toward the client (K7)",
                    "SPEC 2.3: the host pings at the client's pace unless told otherwise",
                    Scope.PROTOCOL, ProtocolConfig.Builder::pingInterval, ProtocolConfig::pingIntervalNanos),
            duration("listen-timeout", new ValueType.Duration(MS, HOUR), 10 * S,
                    "how long the host pings and listens from K2; also how long a connected host waits for a quiet client",
                    "twice the client's whole attempt budget at the defaults (10 x 500 ms)",
                    ProtocolConfig.Builder::listenTimeout, ProtocolConfig::listenTimeoutNanos),
            duration("stun-rto", INTERVAL, 500 * MS,
                    "first STUN retransmission timeout (H9/C9), doubling after each request",
                    "RFC 8489 section 6.2.1 recommends 500 ms",
                    ProtocolConfig.Builder::stunRto, c -> c.stun().initialRtoNanos()),
            new Parameter<>("stun-max-requests", new ValueType.Count(1, 12), 7, "7",
                    "STUN Binding requests sent in all before STUN fails",
                    "RFC 8489's Rc = 7; the range stops where the doubling timeout reaches days",
                    Scope.PROTOCOL, ProtocolConfig.Builder::stunMaxRequests, c -> c.stun().maxTransmissions()),
            duration("stun-final-wait", INTERVAL, 8 * S,
                    "wait for an answer after the last STUN request",
                    "RFC 8489's Rm x RTO = 16 x 500 ms",
                    ProtocolConfig.Builder::stunFinalWait, c -> c.stun().finalWaitNanos()),
            duration("cloud-rto", INTERVAL, 250 * MS,
                    "first retransmission timeout of signalling toward the cloud, doubling after each send",
                    "half of STUN's: the cloud is a service built for low latency",
                    ProtocolConfig.Builder::cloudRto, c -> c.cloud().initialRtoNanos()),
            new Parameter<>("cloud-max-retransmits", new ValueType.Count(0, 11), 5, "5",
                    "signalling retransmissions after the first send (1 + N sends) before the cloud counts as unreachable",
                    "6 sends in all, the schedule both the simulator and the real peers have always used",
                    Scope.PROTOCOL, ProtocolConfig.Builder::cloudMaxRetransmits, c -> c.cloud().maxTransmissions() - 1),
            duration("cloud-final-wait", INTERVAL, 8 * S,
                    "wait for an acknowledgement after the last signalling send",
                    "as STUN's final wait",
                    ProtocolConfig.Builder::cloudFinalWait, c -> c.cloud().finalWaitNanos()),
            duration("cloud-keepalive", new ValueType.Duration(100 * MS, HOUR), 15 * S,
                    "between keepalives toward the cloud, which hold the peer's NAT mapping to the cloud open",
                    "half of the shortest common UDP mapping lifetime (Linux conntrack's 30 s for unreplied flows)",
                    ProtocolConfig.Builder::keepaliveInterval, ProtocolConfig::keepaliveIntervalNanos),
            new Parameter<>("cloud-member-lifetime", new ValueType.Duration(100 * MS, DAY), null, "4 x cloud-keepalive",
                    "how long the cloud keeps an endpoint it no longer hears from (keepalive, signalling or relay): its signalling, the sessions it created, its place in a session; a host that went silent takes its session along and its client is told",
                    "three keepalives in a row may be lost before a live peer is dropped, and a vanished host is gone within a minute at the defaults",
                    Scope.PROTOCOL, ProtocolConfig.Builder::memberLifetime, ProtocolConfig::memberLifetimeNanos),
            new Parameter<>("no-session.retries", new ValueType.Count(0, 1_000), 3, "3",
                    "how often a joining client retries JoinRandom after NoSession; 0 fails at once with NO_SESSION",
                    "a client that starts before the host's session opens joins it within a few seconds",
                    Scope.PROTOCOL, ProtocolConfig.Builder::noSessionRetries, c -> c.noSession().maxRetries()),
            duration("no-session.backoff", new ValueType.Duration(0, MINUTE), S,
                    "wait before the first JoinRandom retry, doubling after each",
                    "one host start-up, so the first retry usually finds the session",
                    ProtocolConfig.Builder::noSessionBackoff, c -> c.noSession().initialBackoffNanos()),
            duration("no-session.max-backoff", new ValueType.Duration(0, 10 * MINUTE), 2 * S,
                    "longest wait between JoinRandom retries; never shorter than the first",
                    "keeps later retries frequent enough for a player waiting in a lobby",
                    ProtocolConfig.Builder::noSessionMaxBackoff, c -> c.noSession().maxBackoffNanos()),
            new Parameter<>("game-phase.enabled", SWITCH, false, "false",
                    "once connected, the client sends game updates that the host echoes, and round trips are measured",
                    "off, so a run ends at connect and sweeps measure connecting alone",
                    Scope.PROTOCOL, ProtocolConfig.Builder::gamePhase, ProtocolConfig::gamePhase),
            new Parameter<>("game-phase.tick-rate", new ValueType.Real(0, 1_000, true), 30.0, "30",
                    "game updates per second (Hz), any real number above 0",
                    "a common server tick rate for action games",
                    Scope.PROTOCOL, ProtocolConfig.Builder::tickRate, ProtocolConfig::tickRateHz),
            duration("game-phase.length", new ValueType.Duration(MS, HOUR), 5 * S,
                    "how long the client sends game updates",
                    "enough updates at 30 Hz for stable round-trip percentiles per run",
                    ProtocolConfig.Builder::gamePhaseLength, ProtocolConfig::gamePhaseNanos),
            duration("game-phase.echo-grace", INTERVAL, S,
                    "how long the client waits for the last echo after the last update",
                    "well above any round trip the link models produce",
                    ProtocolConfig.Builder::echoGrace, ProtocolConfig::echoGraceNanos),
            variant("peer-reflexive", "a peer that hears a Ping or ConnectRequest from an address it was not targeting adds it as a target (ICE's peer-reflexive candidate)",
                    ProtocolConfig.Builder::peerReflexive, ProtocolConfig::peerReflexive),
            variant("local-candidates", "also try the peer's local address (same LAN, NATs without hairpinning)",
                    ProtocolConfig.Builder::localCandidates, ProtocolConfig::localCandidates),
            variant("port-prediction", "also target the next predicted-ports ports above the peer's reflexive one (sequential NATs)",
                    ProtocolConfig.Builder::portPrediction, ProtocolConfig::portPrediction),
            variant("parallel-relay", "start relay attempts alongside direct ones from attempt 0 instead of after f x L",
                    ProtocolConfig.Builder::parallelRelay, ProtocolConfig::parallelRelay),
            new Parameter<>("predicted-ports", new ValueType.Count(1, 64), 3, "3",
                    "how many ports above the reflexive one port-prediction tries",
                    "sequential NATs hand out the next port or the one after; 3 covers a little concurrent traffic",
                    Scope.PROTOCOL, ProtocolConfig.Builder::predictedPorts, ProtocolConfig::predictedPorts),
            new Parameter<>("capacity", new ValueType.Count(2, 256), 10, "10",
                    "players a session holds, its host included: the cloud pairs at most this many minus one clients with the host and refuses the next with SessionFull (SESSION_FULL)",
                    "Fusion's default PlayerCount (the host and 9 clients)",
                    Scope.SESSION, ProtocolConfig.Builder::sessionCapacity, ProtocolConfig::sessionCapacity),
            STARTUP_DELAY);

    private static final Map<String, Parameter<?>> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Parameter::key, p -> p));
    // Peer rows are written under host: and client: and drawn per run, never tuned as one value.
    private static final Map<String, Parameter<?>> BY_PATH = ALL.stream().filter(p -> p.scope() != Scope.PEER)
            .collect(Collectors.toUnmodifiableMap(Parameter::path, p -> p));

    private ProtocolParameters() {}

    public static Optional<Parameter<?>> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The parameter a scenario file writes at {@code path} from its top ({@link Parameter#path}), if one is. */
    public static Optional<Parameter<?>> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** The parameters a scenario gives under {@code protocol:}. */
    public static List<Parameter<?>> protocolSection() {
        return section(Scope.PROTOCOL);
    }

    /** The parameters a scenario gives in the section of {@code scope}, in table order. */
    public static List<Parameter<?>> section(Scope scope) {
        return ALL.stream().filter(p -> p.scope() == scope).toList();
    }

    /** Why {@code config} cannot run, if some value lies outside its parameter's range. */
    static Optional<String> problemIn(ProtocolConfig config) {
        List<String> problems = new ArrayList<>();
        for (Parameter<?> p : ALL) {
            p.problemIn(config).ifPresent(problems::add);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static Parameter<Long> duration(String key, ValueType.Duration type, long defaultNanos, String description,
                                            String why, BiConsumer<ProtocolConfig.Builder, Long> setter,
                                            Function<ProtocolConfig, Long> getter) {
        return new Parameter<>(key, type, defaultNanos, Units.formatDuration(defaultNanos), description, why,
                Scope.PROTOCOL, setter, getter);
    }

    private static Parameter<Boolean> variant(String name, String description,
                                              BiConsumer<ProtocolConfig.Builder, Boolean> setter,
                                              Function<ProtocolConfig, Boolean> getter) {
        return new Parameter<>("variants." + name, SWITCH, false, "false", "variant (SPEC 2.4): " + description,
                "off: the default process is the vendor's, exactly", Scope.PROTOCOL, setter, getter);
    }
}
