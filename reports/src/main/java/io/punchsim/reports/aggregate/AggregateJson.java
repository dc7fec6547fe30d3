package io.punchsim.reports.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.GamePath;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.TrafficKind;
import io.punchsim.reports.stats.Percentile;
import io.punchsim.reports.stats.Proportion;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * A point aggregate as the {@code report.json} point body, and back. Every count and histogram is
 * written, so a reader rebuilds the aggregate exactly and can recompute any statistic; the derived
 * figures (rates, percentiles, means) are written beside them for tools that only read.
 */
public final class AggregateJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AggregateJson() {
    }

    public static ObjectNode write(PointAggregate a) {
        ObjectNode node = JSON.objectNode();
        node.put("runs", a.runs());
        ObjectNode outcomes = node.putObject("outcomes");
        for (Outcome o : Outcome.values()) {
            outcomes.set(o.label(), proportion(a.rate(o)));
        }
        outcomes.set("success", proportion(a.successRate()));
        ObjectNode reasons = node.putObject("failureReasons");
        for (FailureReason r : FailureReason.values()) {
            if (r != FailureReason.NONE) {
                reasons.put(r.name(), a.failures(r));
            }
        }
        ObjectNode examples = node.putObject("exampleSeeds");
        for (Outcome o : Outcome.values()) {
            seeds(examples.putArray(o.label()), a.exampleSeeds(o));
        }
        ObjectNode reasonExamples = examples.putObject("failureReasons");
        for (FailureReason r : FailureReason.values()) {
            if (r != FailureReason.NONE) {
                seeds(reasonExamples.putArray(r.name()), a.exampleSeeds(r));
            }
        }
        ObjectNode connect = node.putObject("connectTime");
        ObjectNode fromK1 = connect.putObject("fromK1");
        ObjectNode fromStart = connect.putObject("fromStart");
        for (Outcome o : new Outcome[] {Outcome.DIRECT, Outcome.RELAYED}) {
            fromK1.set(o.label(), distribution(a.connectFromK1[o.ordinal()], true));
            fromStart.set(o.label(), distribution(a.connectFromStart[o.ordinal()], true));
        }
        fromK1.set("connected", distribution(a.connectTimeFromK1(), false));
        ArrayNode attempts = node.putArray("attemptIndex");
        for (long c : a.attemptIndexCounts()) {
            attempts.add(c);
        }
        ObjectNode traffic = node.putObject("traffic");
        traffic.set("packetsPerRun", perRun(a.packetsPerRun, a.packetsSent(), a.runs()));
        traffic.set("bytesPerRun", perRun(a.bytesPerRun, a.bytesSent(), a.runs()));
        traffic.set("relayedBytesPerRun", perRun(a.relayedBytesPerRun, a.relayedBytes, a.runs()));
        traffic.put("relayedBytesTotal", a.relayedBytes);
        ObjectNode byKind = traffic.putObject("byKind");
        for (TrafficKind k : TrafficKind.values()) {
            ObjectNode kind = byKind.putObject(k.name());
            kind.put("packets", a.kindPackets[k.ordinal()]);
            kind.put("bytes", a.kindBytes[k.ordinal()]);
        }
        ObjectNode rtt = node.putObject("gameRtt");
        for (GamePath p : GamePath.values()) {
            int i = p.ordinal();
            ObjectNode path = rtt.putObject(p.name().toLowerCase(Locale.ROOT));
            path.put("runs", a.rttRuns[i]);
            path.put("samples", a.rttSamples[i]);
            path.put("sumNanos", a.rttSumNanos[i]);
            path.put("meanNanos", a.rttSamples[i] == 0 ? 0 : a.rttSumNanos[i] / a.rttSamples[i]);
            path.put("maxNanos", a.rttMaxNanos[i]);
            path.set("perRunMean", distribution(a.rttMeanPerRun[i], true));
        }
        ArrayNode pairs = node.putArray("natPairs");
        a.natPairs().forEach((pair, counts) -> {
            ObjectNode cell = pairs.addObject();
            cell.put("host", pair.hostNat());
            cell.put("client", pair.clientNat());
            cell.put("runs", counts.runs());
            for (Outcome o : Outcome.values()) {
                cell.put(o.label(), counts.count(o));
            }
            for (Outcome o : Outcome.values()) {
                cell.put(o.label() + "Rate", counts.rate(o).estimate());
            }
            ObjectNode pairExamples = cell.putObject("exampleSeeds");
            for (Outcome o : Outcome.values()) {
                seeds(pairExamples.putArray(o.label()), a.exampleSeeds(pair, o));
            }
        });
        ObjectNode sessions = node.putObject("sessions");
        sessions.put("count", a.sessions);
        sessions.set("allDirect", proportion(a.sessionAllDirectRate()));
        sessions.set("anyRelayed", proportion(a.sessionAnyRelayedRate()));
        sessions.set("anyFailed", proportion(a.sessionAnyFailedRate()));
        sessions.set("lastConnect", distribution(a.sessionLastConnect, true));
        sessions.set("relayedBytesPerSession", perRun(a.relayedBytesPerSession, a.sessionRelayedBytes, a.sessions));
        sessions.put("relayedBytesTotal", a.sessionRelayedBytes);
        sessions.set("hostNatPeakMappings", perRun(a.hostNatPeakPerSession, a.hostNatPeakMappings, a.sessions));
        sessions.put("hostNatPeakMappingsTotal", a.hostNatPeakMappings);
        node.put("digest", a.digest().hex());
        return node;
    }

    /** The session figures; a report from before sessions of many clients has none, and reads as no sessions. */
    private static void readSessions(JsonNode node, PointAggregate a) {
        JsonNode sessions = node.get("sessions");
        if (sessions == null || sessions.isNull()) {
            return;
        }
        a.sessions = number(sessions, "count");
        a.sessionsAllDirect = number(field(sessions, "allDirect"), "count");
        a.sessionsAnyRelayed = number(field(sessions, "anyRelayed"), "count");
        a.sessionsAnyFailed = number(field(sessions, "anyFailed"), "count");
        for (long count : new long[] {a.sessionsAllDirect, a.sessionsAnyRelayed, a.sessionsAnyFailed}) {
            if (count < 0 || count > a.sessions) {
                throw new IllegalArgumentException("report.json: session counts must lie in 0.." + a.sessions + ", got " + count);
            }
        }
        a.sessionLastConnect.add(histogram(field(sessions, "lastConnect")));
        a.relayedBytesPerSession.add(histogram(field(sessions, "relayedBytesPerSession")));
        a.sessionRelayedBytes = number(sessions, "relayedBytesTotal");
        a.hostNatPeakPerSession.add(histogram(field(sessions, "hostNatPeakMappings")));
        a.hostNatPeakMappings = number(sessions, "hostNatPeakMappingsTotal");
    }

    /** Rebuilds the aggregate {@link #write} wrote; rejects a body that is missing a field with a message naming it. */
    public static PointAggregate read(JsonNode node) {
        PointAggregate a = new PointAggregate();
        a.runs = number(node, "runs");
        JsonNode outcomes = field(node, "outcomes");
        for (Outcome o : Outcome.values()) {
            a.outcomeCounts[o.ordinal()] = number(field(outcomes, o.label()), "count");
        }
        if (a.outcomeCounts[0] + a.outcomeCounts[1] + a.outcomeCounts[2] != a.runs) {
            throw new IllegalArgumentException("outcome counts do not add up to runs (" + a.runs + ")");
        }
        JsonNode reasons = field(node, "failureReasons");
        for (FailureReason r : FailureReason.values()) {
            if (r != FailureReason.NONE) {
                // A reason newer than the report (SESSION_FULL came with sessions of many clients) counts 0.
                a.reasonCounts[r.ordinal()] = reasons.has(r.name()) ? number(reasons, r.name()) : 0;
            }
        }
        a.reasonCounts[FailureReason.NONE.ordinal()] = a.outcomeCounts[0] + a.outcomeCounts[1];
        // Reports written before example seeds were kept have none; they read as empty.
        JsonNode examples = node.path("exampleSeeds");
        for (Outcome o : Outcome.values()) {
            readSeeds(examples.path(o.label()), a.outcomeExamples[o.ordinal()]);
        }
        for (FailureReason r : FailureReason.values()) {
            if (r != FailureReason.NONE) {
                readSeeds(examples.path("failureReasons").path(r.name()), a.reasonExamples[r.ordinal()]);
            }
        }
        for (Outcome o : new Outcome[] {Outcome.DIRECT, Outcome.RELAYED}) {
            readSeeds(examples.path(o.label()), a.reasonExamples[FailureReason.NONE.ordinal()]);
        }
        JsonNode connect = field(node, "connectTime");
        for (Outcome o : new Outcome[] {Outcome.DIRECT, Outcome.RELAYED}) {
            a.connectFromK1[o.ordinal()].add(histogram(field(field(connect, "fromK1"), o.label())));
            a.connectFromStart[o.ordinal()].add(histogram(field(field(connect, "fromStart"), o.label())));
        }
        JsonNode attempts = field(node, "attemptIndex");
        a.attemptCounts = new long[Math.max(16, attempts.size())];
        for (int i = 0; i < attempts.size(); i++) {
            a.attemptCounts[i] = attempts.get(i).asLong();
        }
        JsonNode traffic = field(node, "traffic");
        a.packetsPerRun.add(histogram(field(traffic, "packetsPerRun")));
        a.bytesPerRun.add(histogram(field(traffic, "bytesPerRun")));
        a.relayedBytesPerRun.add(histogram(field(traffic, "relayedBytesPerRun")));
        a.relayedBytes = number(traffic, "relayedBytesTotal");
        JsonNode byKind = field(traffic, "byKind");
        for (TrafficKind k : TrafficKind.values()) {
            a.kindPackets[k.ordinal()] = number(field(byKind, k.name()), "packets");
            a.kindBytes[k.ordinal()] = number(field(byKind, k.name()), "bytes");
        }
        JsonNode rtt = field(node, "gameRtt");
        for (GamePath p : GamePath.values()) {
            int i = p.ordinal();
            JsonNode path = field(rtt, p.name().toLowerCase(Locale.ROOT));
            a.rttRuns[i] = number(path, "runs");
            a.rttSamples[i] = number(path, "samples");
            a.rttSumNanos[i] = number(path, "sumNanos");
            a.rttMaxNanos[i] = number(path, "maxNanos");
            a.rttMeanPerRun[i].add(histogram(field(path, "perRunMean")));
        }
        for (JsonNode cell : field(node, "natPairs")) {
            PointAggregate.PairTally tally = new PointAggregate.PairTally();
            for (Outcome o : Outcome.values()) {
                tally.counts[o.ordinal()] = number(cell, o.label());
                readSeeds(cell.path("exampleSeeds").path(o.label()), tally.examples[o.ordinal()]);
            }
            a.natPairs.put(new NatPair(field(cell, "host").asText(), field(cell, "client").asText()), tally);
        }
        readSessions(node, a);
        OutcomeDigest digest = OutcomeDigest.parseHex(field(node, "digest").asText());
        a.digestSum = digest.sum();
        a.digestXor = digest.xor();
        return a;
    }

    private static void seeds(ArrayNode into, long[] seeds) {
        for (long seed : seeds) {
            into.add(seed);
        }
    }

    private static void readSeeds(JsonNode array, ExampleSeeds into) {
        if (array.isMissingNode() || array.isNull()) {
            return;
        }
        if (!array.isArray() || array.size() > ExampleSeeds.KEPT) {
            throw new IllegalArgumentException("report.json: 'exampleSeeds' must hold arrays of at most " + ExampleSeeds.KEPT
                    + " seeds, got " + array);
        }
        for (JsonNode seed : array) {
            if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
                throw new IllegalArgumentException("report.json: an example seed must be an integer, got " + seed);
            }
            into.add(seed.asLong());
        }
    }

    static ObjectNode proportion(Proportion p) {
        ObjectNode node = JSON.objectNode();
        node.put("count", p.successes());
        node.put("rate", p.estimate());
        node.put("lower95", p.lower());
        node.put("upper95", p.upper());
        return node;
    }

    private static ObjectNode distribution(Histogram h, boolean withHistogram) {
        ObjectNode node = JSON.objectNode();
        long count = h.getTotalCount();
        node.put("count", count);
        for (Percentile p : Percentile.values()) {
            putOrNull(node, p.label() + "Nanos", count, p.of(h));
        }
        if (withHistogram) {
            node.put("histogram", HistogramCodec.encode(h));
        }
        return node;
    }

    // The mean comes from the exact total, not from the histogram, which rounds each value.
    private static ObjectNode perRun(Histogram h, long total, long runs) {
        ObjectNode node = JSON.objectNode();
        long count = h.getTotalCount();
        node.put("mean", runs == 0 ? 0.0 : (double) total / runs);
        for (Percentile p : Percentile.values()) {
            putOrNull(node, p.label(), count, p.of(h));
        }
        node.put("histogram", HistogramCodec.encode(h));
        return node;
    }

    private static void putOrNull(ObjectNode node, String name, long count, long value) {
        if (count == 0) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static Histogram histogram(JsonNode node) {
        return HistogramCodec.decode(field(node, "histogram").asText());
    }

    static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("report.json: missing field '" + name + "'");
        }
        return value;
    }

    static long number(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("report.json: field '" + name + "' must be an integer, got " + value);
        }
        return value.asLong();
    }
}
