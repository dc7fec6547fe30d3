package io.punchsim.reports.metric;

import static io.punchsim.reports.metric.Metric.Use.COMPARE;
import static io.punchsim.reports.metric.Metric.Use.GATE;
import static io.punchsim.reports.metric.Metric.Use.SUMMARY;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.stats.Percentile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of report metrics, in the order every writer lists them. Adding a metric is one
 * {@link #register} here: {@code report.json}, {@code report.md}, {@code report.html},
 * {@code report.csv}, the console summary, the gates (and the scenario files' gate vocabulary) and
 * {@code compare} pick it up by iterating {@link #all()}.
 */
public final class Metrics {

    // Filled by the declarations below, in declaration order; must come first.
    private static final List<Metric> REGISTERED = new ArrayList<>();
    private static final java.util.Set<String> OF_SESSIONS = new java.util.HashSet<>();

    public static final Metric DIRECT_RATE = register(new Metric("direct-rate", "direct",
            "share of runs that connected directly", Unit.FRACTION, Better.HIGHER, EnumSet.of(GATE, COMPARE, SUMMARY),
            new Reading.Rate(a -> a.rate(Outcome.DIRECT))));
    // Higher is worse: every relayed run is relay cost.
    public static final Metric RELAYED_RATE = register(new Metric("relayed-rate", "relayed",
            "share of runs that connected through the relay", Unit.FRACTION, Better.LOWER, EnumSet.of(GATE, COMPARE, SUMMARY),
            new Reading.Rate(a -> a.rate(Outcome.RELAYED))));
    public static final Metric FAILED_RATE = register(new Metric("failed-rate", "failed",
            "share of runs that did not connect", Unit.FRACTION, Better.LOWER, EnumSet.of(GATE, COMPARE, SUMMARY),
            new Reading.Rate(a -> a.rate(Outcome.FAILED))));
    // Left out of the summaries: it is 1 - failed.
    public static final Metric SUCCESS_RATE = register(new Metric("success-rate", "success",
            "share of runs that connected, direct plus relayed", Unit.FRACTION, Better.HIGHER, EnumSet.of(GATE, COMPARE),
            new Reading.Rate(PointAggregate::successRate)));

    // One per percentile of the report's one set, so the set and these metrics cannot disagree.
    private static final Map<Percentile, Metric> CONNECT_TIME = connectTimes();

    public static final Metric PACKETS_PER_RUN_MEAN = register(new Metric("packets-per-run-mean", "packets/run",
            "packets sent per run, all kinds, mean over runs", Unit.PACKETS, Better.NONE, EnumSet.of(GATE),
            new Reading.Mean(PointAggregate::packetsSent, PointAggregate::runs, "runs", PointAggregate::packetsPerRun)));
    public static final Metric BYTES_PER_RUN_MEAN = register(new Metric("bytes-per-run-mean", "bytes/run",
            "bytes sent per run, all kinds, mean over runs", Unit.BYTES, Better.NONE, EnumSet.of(GATE),
            new Reading.Mean(PointAggregate::bytesSent, PointAggregate::runs, "runs", PointAggregate::bytesPerRun)));
    public static final Metric RELAYED_BYTES_PER_RUN_MEAN = register(new Metric("relayed-bytes-per-run-mean", "relayed bytes/run",
            "bytes the cloud relayed per run, mean over runs", Unit.BYTES, Better.LOWER, EnumSet.of(GATE),
            new Reading.Mean(PointAggregate::relayedBytes, PointAggregate::runs, "runs", PointAggregate::relayedBytesPerRun)));

    // A session's metrics: the host and all its clients (session.clients) as one unit.
    public static final Metric SESSION_ALL_DIRECT_RATE = ofSession(new Metric("session-all-direct-rate", "all direct",
            "share of sessions in which every client connected directly", Unit.FRACTION, Better.HIGHER,
            EnumSet.of(GATE, COMPARE), new Reading.Rate(PointAggregate::sessionAllDirectRate)));
    public static final Metric SESSION_ANY_RELAYED_RATE = ofSession(new Metric("session-any-relayed-rate", "any relayed",
            "share of sessions in which some client connected through the relay", Unit.FRACTION, Better.LOWER,
            EnumSet.of(GATE, COMPARE), new Reading.Rate(PointAggregate::sessionAnyRelayedRate)));
    public static final Metric SESSION_ANY_FAILED_RATE = ofSession(new Metric("session-any-failed-rate", "any failed",
            "share of sessions in which some client did not connect", Unit.FRACTION, Better.LOWER,
            EnumSet.of(GATE, COMPARE), new Reading.Rate(PointAggregate::sessionAnyFailedRate)));
    public static final Metric SESSION_CONNECT_TIME_LAST_P50 = sessionLast(Percentile.P50);
    public static final Metric SESSION_CONNECT_TIME_LAST_P95 = sessionLast(Percentile.P95);
    public static final Metric RELAYED_BYTES_PER_SESSION = ofSession(new Metric("relayed-bytes-per-session", "relayed bytes/session",
            "bytes the cloud relayed per session, all its clients, mean over sessions", Unit.BYTES, Better.LOWER, EnumSet.of(GATE),
            new Reading.Mean(PointAggregate::sessionRelayedBytes, PointAggregate::sessions, "sessions",
                    PointAggregate::relayedBytesPerSession)));
    public static final Metric HOST_NAT_PEAK_MAPPINGS = ofSession(new Metric("host-nat-peak-mappings", "host NAT mappings",
            "the most mappings the host's own NAT held at once in a session, mean over sessions", Unit.COUNT, Better.LOWER,
            EnumSet.of(GATE), new Reading.Mean(PointAggregate::hostNatPeakMappings, PointAggregate::sessions, "sessions",
                    PointAggregate::hostNatPeakPerSession)));

    private static final List<Metric> ALL = List.copyOf(REGISTERED);

    private Metrics() {
    }

    /** A metric over whole sessions rather than over runs (one client each). */
    private static Metric ofSession(Metric metric) {
        OF_SESSIONS.add(metric.key());
        return register(metric);
    }

    /** Whether the metric counts whole sessions rather than runs. */
    public static boolean ofSessions(Metric metric) {
        return OF_SESSIONS.contains(metric.key());
    }

    private static Metric register(Metric metric) {
        if (REGISTERED.stream().anyMatch(m -> m.key().equals(metric.key()) || m.label().equals(metric.label()))) {
            throw new IllegalStateException("metric " + metric.key() + ": its key or its label '" + metric.label() + "' is taken");
        }
        REGISTERED.add(metric);
        return metric;
    }

    private static Map<Percentile, Metric> connectTimes() {
        Map<Percentile, Metric> byPercentile = new EnumMap<>(Percentile.class);
        for (Percentile p : Percentile.values()) {
            String which = p == Percentile.MAX ? "the maximum" : "the " + (int) p.percentile() + "th percentile";
            // The maximum is not compared: one run decides it.
            EnumSet<Metric.Use> uses = p == Percentile.MAX ? EnumSet.of(GATE, SUMMARY) : EnumSet.of(GATE, COMPARE, SUMMARY);
            // Labelled by the percentile alone: the tables say once that their times are connect times.
            byPercentile.put(p, register(new Metric("connect-time-" + p.label(), p.label(),
                    "connect time from K1 (peer addresses at the client) over connected runs, " + which, Unit.NANOSECONDS,
                    Better.LOWER, uses, new Reading.Quantile(PointAggregate::connectTimeFromK1, p, "connected runs"))));
        }
        return Collections.unmodifiableMap(byPercentile);
    }

    private static Metric sessionLast(Percentile p) {
        return ofSession(new Metric("session-connect-time-last-" + p.label(), "last " + p.label(),
                "from a session's start until its last client connected, over sessions whose clients all did, the "
                        + (int) p.percentile() + "th percentile", Unit.NANOSECONDS, Better.LOWER, EnumSet.of(GATE, COMPARE),
                new Reading.Quantile(PointAggregate::sessionLastConnect, p, "sessions")));
    }

    /** Every metric, in report order. */
    public static List<Metric> all() {
        return ALL;
    }

    /** The metrics a scenario file may gate on, in report order. */
    public static List<Metric> gateable() {
        return ALL.stream().filter(Metric::gateable).toList();
    }

    /** The metrics {@code compare} tests, in report order. */
    public static List<Metric> comparable() {
        return ALL.stream().filter(Metric::comparable).toList();
    }

    /** The columns of the one-line-per-point summaries, in report order. */
    public static List<Metric> summary() {
        return ALL.stream().filter(Metric::inSummary).toList();
    }

    /** The metrics the summaries leave to the details, in report order. */
    public static List<Metric> beyondSummary() {
        return ALL.stream().filter(m -> !m.inSummary()).toList();
    }

    /** Connect time from K1 over connected runs at one percentile of the report's set. */
    public static Metric connectTime(Percentile percentile) {
        return CONNECT_TIME.get(percentile);
    }

    public static Optional<Metric> find(String key) {
        return ALL.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /** The metric with this key; an unknown key is refused with the list of known ones. */
    public static Metric parse(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("unknown metric '" + key + "'; known: "
                + ALL.stream().map(Metric::key).collect(Collectors.joining(", "))));
    }
}
