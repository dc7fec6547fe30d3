package io.punchsim.reports.aggregate;

import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.GamePath;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.SessionOutcome;
import io.punchsim.reports.outcome.TrafficKind;
import io.punchsim.reports.stats.Proportion;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Everything a report says about one sweep point, built by streaming runs through {@link #add} and
 * combining per-thread aggregates with {@link #merge}. Memory depends on the spread of the values,
 * never on the number of runs: no run is kept, only the few smallest seeds of each kind of run
 * ({@link ExampleSeeds}), to replay. Merging is exact (counts and histograms add, the smallest seeds
 * of two parts give the smallest of the whole), and the digest is order-independent, so the result
 * is the same for any thread count.
 *
 * <p>Not thread-safe: one aggregate per thread, merged at the end.
 */
public final class PointAggregate {

    /** Significant decimal digits kept by every histogram: values within 0.1%. */
    public static final int SIGNIFICANT_DIGITS = 3;
    /**
     * Time histograms resolve 100 microseconds (or 0.1%, whichever is larger): connect times and RTTs
     * are milliseconds to seconds, and each halving of the resolution would cost another 8 KiB per histogram.
     */
    public static final long TIME_RESOLUTION_NANOS = 100_000;

    private static final int CONNECTED = 2; // DIRECT and RELAYED, by Outcome ordinal
    static final int BEFORE = 0;
    static final int AFTER = 1;

    long runs;
    final long[] outcomeCounts = new long[Outcome.values().length];
    final long[] reasonCounts = new long[FailureReason.values().length];
    final Histogram[] connectFromK1 = {timeHistogram(), timeHistogram()};
    final Histogram[] connectFromStart = {timeHistogram(), timeHistogram()};
    long[] attemptCounts = new long[16];
    final long[] kindPackets = new long[TrafficKind.COUNT];
    final long[] kindBytes = new long[TrafficKind.COUNT];
    long relayedBytes;
    final Histogram packetsPerRun = countHistogram();
    final Histogram bytesPerRun = countHistogram();
    final Histogram relayedBytesPerRun = countHistogram();
    final long[] rttRuns = new long[GamePath.values().length];
    final long[] rttSamples = new long[GamePath.values().length];
    final long[] rttSumNanos = new long[GamePath.values().length];
    final long[] rttMaxNanos = new long[GamePath.values().length];
    final Histogram[] rttMeanPerRun = {timeHistogram(), timeHistogram()};
    long upgradedRuns;
    final Histogram timeToDirect = timeHistogram();
    /** Upgraded runs' game-phase round trips: index {@link #BEFORE} through the relay, {@link #AFTER} direct. */
    final long[] upgradeRttRuns = new long[2];
    final long[] upgradeRttSamples = new long[2];
    final long[] upgradeRttSumNanos = new long[2];
    final long[] upgradeRttMaxNanos = new long[2];
    final Histogram[] upgradeRttMeanPerRun = {timeHistogram(), timeHistogram()};
    /**
     * Tallies per NAT pair, found by hash as every run looks its pair up; {@link #natPairs()} gives
     * them in name order, the order of every report.
     */
    final java.util.HashMap<NatPair, PairTally> natPairs = new java.util.HashMap<>();
    final ExampleSeeds[] outcomeExamples = examples(Outcome.values().length);
    final ExampleSeeds[] reasonExamples = examples(FailureReason.values().length);
    long digestSum;
    long digestXor;
    /** Sessions counted by {@link #add(SessionOutcome)}, and what only a whole session has. */
    long sessions;
    long sessionsAllDirect;
    long sessionsAnyRelayed;
    long sessionsAnyFailed;
    final Histogram sessionLastConnect = timeHistogram();
    long sessionRelayedBytes;
    final Histogram relayedBytesPerSession = countHistogram();
    long hostNatPeakMappings;
    final Histogram hostNatPeakPerSession = countHistogram();

    // Digest keys: two unrelated constants give two independent hashes of the same fields.
    private static final long SUM_KEY = 0x2545F4914F6CDD1DL;
    private static final long XOR_KEY = 0x6A09E667F3BCC909L;

    /** Outcome counts and example seeds of one NAT pair. */
    static final class PairTally {
        final long[] counts = new long[Outcome.values().length];
        final ExampleSeeds[] examples = examples(Outcome.values().length);

        void merge(PairTally other) {
            addInto(counts, other.counts);
            mergeInto(examples, other.examples);
        }
    }

    static ExampleSeeds[] examples(int kinds) {
        ExampleSeeds[] examples = new ExampleSeeds[kinds];
        for (int i = 0; i < kinds; i++) {
            examples[i] = new ExampleSeeds();
        }
        return examples;
    }

    private static void mergeInto(ExampleSeeds[] target, ExampleSeeds[] source) {
        for (int i = 0; i < source.length; i++) {
            target[i].merge(source[i]);
        }
    }

    static Histogram timeHistogram() {
        Histogram h = new Histogram(TIME_RESOLUTION_NANOS, 2 * TIME_RESOLUTION_NANOS, SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    static Histogram countHistogram() {
        Histogram h = new Histogram(SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    /** Counts one session: each of its clients as a run, then what the session as a whole did. */
    public void add(SessionOutcome session) {
        for (RunOutcome client : session.clients()) {
            add(client);
        }
        sessions++;
        if (session.allDirect()) {
            sessionsAllDirect++;
        }
        if (session.anyRelayed()) {
            sessionsAnyRelayed++;
        }
        if (session.anyFailed()) {
            sessionsAnyFailed++;
        } else {
            sessionLastConnect.recordValue(session.lastConnectNanos());
        }
        sessionRelayedBytes += session.relayedBytes();
        relayedBytesPerSession.recordValue(session.relayedBytes());
        hostNatPeakMappings += session.hostNatPeakMappings();
        hostNatPeakPerSession.recordValue(session.hostNatPeakMappings());
    }

    /** Counts one client's run (a session's clients come through {@link #add(SessionOutcome)}). */
    public void add(RunOutcome run) {
        runs++;
        int outcome = run.outcome().ordinal();
        outcomeCounts[outcome]++;
        reasonCounts[run.failureReason().ordinal()]++;
        if (outcome < CONNECTED) {
            connectFromK1[outcome].recordValue(run.connectNanosFromK1());
            connectFromStart[outcome].recordValue(run.connectNanosFromStart());
            int attempt = run.attemptIndex();
            if (attempt >= attemptCounts.length) {
                attemptCounts = Arrays.copyOf(attemptCounts, Math.max(attempt + 1, attemptCounts.length * 2));
            }
            attemptCounts[attempt]++;
        }
        long[] packets = run.traffic().packets();
        long[] bytes = run.traffic().bytes();
        long runPackets = 0;
        long runBytes = 0;
        for (int k = 0; k < TrafficKind.COUNT; k++) {
            kindPackets[k] += packets[k];
            kindBytes[k] += bytes[k];
            runPackets += packets[k];
            runBytes += bytes[k];
        }
        packetsPerRun.recordValue(runPackets);
        bytesPerRun.recordValue(runBytes);
        relayedBytes += run.relayedBytes();
        relayedBytesPerRun.recordValue(run.relayedBytes());
        if (!run.rtt().isEmpty()) {
            int path = run.rtt().path().ordinal();
            rttRuns[path]++;
            rttSamples[path] += run.rtt().samples();
            rttSumNanos[path] += run.rtt().sumNanos();
            rttMaxNanos[path] = Math.max(rttMaxNanos[path], run.rtt().maxNanos());
            rttMeanPerRun[path].recordValue(run.rtt().meanNanos());
        }
        if (run.upgraded()) {
            upgradedRuns++;
            timeToDirect.recordValue(run.upgradeNanosFromK1());
            addUpgradeRtt(BEFORE, run.rttBeforeUpgrade());
            addUpgradeRtt(AFTER, run.rtt());
        }
        PairTally pair = natPairs.computeIfAbsent(new NatPair(run.hostNat(), run.clientNat()), p -> new PairTally());
        pair.counts[outcome]++;
        pair.examples[outcome].add(run.seed());
        outcomeExamples[outcome].add(run.seed());
        reasonExamples[run.failureReason().ordinal()].add(run.seed());
        digestSum += OutcomeDigest.hash(run, SUM_KEY);
        digestXor ^= OutcomeDigest.hash(run, XOR_KEY);
    }

    private void addUpgradeRtt(int phase, io.punchsim.reports.outcome.RttSummary rtt) {
        if (rtt.isEmpty()) {
            return;
        }
        upgradeRttRuns[phase]++;
        upgradeRttSamples[phase] += rtt.samples();
        upgradeRttSumNanos[phase] += rtt.sumNanos();
        upgradeRttMaxNanos[phase] = Math.max(upgradeRttMaxNanos[phase], rtt.maxNanos());
        upgradeRttMeanPerRun[phase].recordValue(rtt.meanNanos());
    }

    /** Adds everything {@code other} counted to this aggregate; {@code other} is left unchanged. */
    public void merge(PointAggregate other) {
        runs += other.runs;
        addInto(outcomeCounts, other.outcomeCounts);
        addInto(reasonCounts, other.reasonCounts);
        for (int i = 0; i < CONNECTED; i++) {
            connectFromK1[i].add(other.connectFromK1[i]);
            connectFromStart[i].add(other.connectFromStart[i]);
            rttMeanPerRun[i].add(other.rttMeanPerRun[i]);
        }
        if (other.attemptCounts.length > attemptCounts.length) {
            attemptCounts = Arrays.copyOf(attemptCounts, other.attemptCounts.length);
        }
        addInto(attemptCounts, other.attemptCounts);
        addInto(kindPackets, other.kindPackets);
        addInto(kindBytes, other.kindBytes);
        relayedBytes += other.relayedBytes;
        packetsPerRun.add(other.packetsPerRun);
        bytesPerRun.add(other.bytesPerRun);
        relayedBytesPerRun.add(other.relayedBytesPerRun);
        addInto(rttRuns, other.rttRuns);
        addInto(rttSamples, other.rttSamples);
        addInto(rttSumNanos, other.rttSumNanos);
        for (int i = 0; i < rttMaxNanos.length; i++) {
            rttMaxNanos[i] = Math.max(rttMaxNanos[i], other.rttMaxNanos[i]);
        }
        upgradedRuns += other.upgradedRuns;
        timeToDirect.add(other.timeToDirect);
        addInto(upgradeRttRuns, other.upgradeRttRuns);
        addInto(upgradeRttSamples, other.upgradeRttSamples);
        addInto(upgradeRttSumNanos, other.upgradeRttSumNanos);
        for (int i = 0; i < 2; i++) {
            upgradeRttMaxNanos[i] = Math.max(upgradeRttMaxNanos[i], other.upgradeRttMaxNanos[i]);
            upgradeRttMeanPerRun[i].add(other.upgradeRttMeanPerRun[i]);
        }
        for (Map.Entry<NatPair, PairTally> e : other.natPairs.entrySet()) {
            natPairs.computeIfAbsent(e.getKey(), p -> new PairTally()).merge(e.getValue());
        }
        mergeInto(outcomeExamples, other.outcomeExamples);
        mergeInto(reasonExamples, other.reasonExamples);
        digestSum += other.digestSum;
        digestXor ^= other.digestXor;
        sessions += other.sessions;
        sessionsAllDirect += other.sessionsAllDirect;
        sessionsAnyRelayed += other.sessionsAnyRelayed;
        sessionsAnyFailed += other.sessionsAnyFailed;
        sessionLastConnect.add(other.sessionLastConnect);
        sessionRelayedBytes += other.sessionRelayedBytes;
        relayedBytesPerSession.add(other.relayedBytesPerSession);
        hostNatPeakMappings += other.hostNatPeakMappings;
        hostNatPeakPerSession.add(other.hostNatPeakPerSession);
    }

    private static void addInto(long[] target, long[] source) {
        for (int i = 0; i < source.length; i++) {
            target[i] += source[i];
        }
    }

    public long runs() {
        return runs;
    }

    public long count(Outcome outcome) {
        return outcomeCounts[outcome.ordinal()];
    }

    public OutcomeCounts outcomes() {
        return new OutcomeCounts(count(Outcome.DIRECT), count(Outcome.RELAYED), count(Outcome.FAILED));
    }

    /** Connected runs, direct or relayed. */
    public long successes() {
        return count(Outcome.DIRECT) + count(Outcome.RELAYED);
    }

    /** The share of runs with this outcome and its Wilson 95% interval. */
    public Proportion rate(Outcome outcome) {
        return Proportion.wilson(count(outcome), runs);
    }

    /** The share of runs that connected (direct + relayed) and its Wilson 95% interval. */
    public Proportion successRate() {
        return Proportion.wilson(successes(), runs);
    }

    /** Failed runs with this reason; {@link FailureReason#NONE} counts connected runs. */
    public long failures(FailureReason reason) {
        return reasonCounts[reason.ordinal()];
    }

    /** Connect times from K1 in nanoseconds of runs with this outcome (a copy); empty for FAILED. */
    public Histogram connectTimeFromK1(Outcome outcome) {
        return outcome == Outcome.FAILED ? timeHistogram() : connectFromK1[outcome.ordinal()].copy();
    }

    /** Connect times from the client's start in nanoseconds of runs with this outcome (a copy). */
    public Histogram connectTimeFromStart(Outcome outcome) {
        return outcome == Outcome.FAILED ? timeHistogram() : connectFromStart[outcome.ordinal()].copy();
    }

    /** Connect times from K1 of every connected run, direct and relayed. */
    public Histogram connectTimeFromK1() {
        Histogram all = timeHistogram();
        all.add(connectFromK1[Outcome.DIRECT.ordinal()]);
        all.add(connectFromK1[Outcome.RELAYED.ordinal()]);
        return all;
    }

    /** How many connected runs succeeded at each attempt index, up to the highest index seen. */
    public long[] attemptIndexCounts() {
        int last = attemptCounts.length - 1;
        while (last >= 0 && attemptCounts[last] == 0) {
            last--;
        }
        return Arrays.copyOf(attemptCounts, last + 1);
    }

    public long packetsSent(TrafficKind kind) {
        return kindPackets[kind.ordinal()];
    }

    public long bytesSent(TrafficKind kind) {
        return kindBytes[kind.ordinal()];
    }

    /** Packets sent, all kinds, over all runs. */
    public long packetsSent() {
        return Arrays.stream(kindPackets).sum();
    }

    /** Bytes sent, all kinds, over all runs. */
    public long bytesSent() {
        return Arrays.stream(kindBytes).sum();
    }

    /** Bytes the cloud relayed, over all runs. */
    public long relayedBytes() {
        return relayedBytes;
    }

    /** Packets sent per run, all kinds (a copy). */
    public Histogram packetsPerRun() {
        return packetsPerRun.copy();
    }

    /** Bytes sent per run, all kinds (a copy). */
    public Histogram bytesPerRun() {
        return bytesPerRun.copy();
    }

    /** Bytes relayed by the cloud per run (a copy). */
    public Histogram relayedBytesPerRun() {
        return relayedBytesPerRun.copy();
    }

    public RttStats rtt(GamePath path) {
        int i = path.ordinal();
        return new RttStats(rttRuns[i], rttSamples[i], rttSumNanos[i], rttMaxNanos[i], rttMeanPerRun[i].copy());
    }

    /** Runs whose relayed connection moved to the direct path (relay-first). */
    public long upgradedRuns() {
        return upgradedRuns;
    }

    /** The share of runs that were upgraded from the relay to the direct path, with its Wilson 95% interval. */
    public Proportion upgradedRate() {
        return Proportion.wilson(upgradedRuns, runs);
    }

    /** Upgraded runs' times from K1 to the direct accept that upgraded them (a copy). */
    public Histogram timeToDirect() {
        return timeToDirect.copy();
    }

    /** Upgraded runs' game-phase round trips through the relay before the upgrade. */
    public RttStats rttBeforeUpgrade() {
        return upgradeRtt(BEFORE);
    }

    /** Upgraded runs' game-phase round trips on the direct path after the upgrade. */
    public RttStats rttAfterUpgrade() {
        return upgradeRtt(AFTER);
    }

    private RttStats upgradeRtt(int i) {
        return new RttStats(upgradeRttRuns[i], upgradeRttSamples[i], upgradeRttSumNanos[i], upgradeRttMaxNanos[i],
                upgradeRttMeanPerRun[i].copy());
    }

    /** Outcome counts per (host NAT, client NAT), in name order. */
    public SortedMap<NatPair, OutcomeCounts> natPairs() {
        TreeMap<NatPair, OutcomeCounts> copy = new TreeMap<>();
        natPairs.forEach((pair, t) -> copy.put(pair, new OutcomeCounts(t.counts[0], t.counts[1], t.counts[2])));
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The smallest seeds (at most {@link ExampleSeeds#KEPT}) of runs with this outcome, smallest
     * first: runs to replay. The same for any split of the runs.
     */
    public long[] exampleSeeds(Outcome outcome) {
        return outcomeExamples[outcome.ordinal()].seeds();
    }

    /** The smallest seeds of runs that failed for this reason ({@link FailureReason#NONE}: that connected). */
    public long[] exampleSeeds(FailureReason reason) {
        return reasonExamples[reason.ordinal()].seeds();
    }

    /** The smallest seeds of runs of this NAT pair with this outcome; empty for a pair that never ran. */
    public long[] exampleSeeds(NatPair pair, Outcome outcome) {
        PairTally tally = natPairs.get(pair);
        return tally == null ? new long[0] : tally.examples[outcome.ordinal()].seeds();
    }

    /**
     * Seeds run: one session each, whatever its number of clients. (An aggregate built from client
     * runs alone, as tests of the reports do, counts each run as its seed.)
     */
    public long seeds() {
        return sessions > 0 ? sessions : runs;
    }

    /** Sessions counted (0 when only client runs were added). */
    public long sessions() {
        return sessions;
    }

    /** The share of sessions in which every client connected directly, with its Wilson 95% interval. */
    public Proportion sessionAllDirectRate() {
        return Proportion.wilson(sessionsAllDirect, sessions);
    }

    /** The share of sessions in which some client connected through the relay. */
    public Proportion sessionAnyRelayedRate() {
        return Proportion.wilson(sessionsAnyRelayed, sessions);
    }

    /** The share of sessions in which some client did not connect. */
    public Proportion sessionAnyFailedRate() {
        return Proportion.wilson(sessionsAnyFailed, sessions);
    }

    /** From the session's start until its last client connected, over sessions every client of which did (a copy). */
    public Histogram sessionLastConnect() {
        return sessionLastConnect.copy();
    }

    /** Bytes the cloud relayed, over all sessions (the same total as {@link #relayedBytes()} when every run was a session's). */
    public long sessionRelayedBytes() {
        return sessionRelayedBytes;
    }

    /** Bytes the cloud relayed per session (a copy). */
    public Histogram relayedBytesPerSession() {
        return relayedBytesPerSession.copy();
    }

    /** The sum over sessions of the host NAT's peak number of mappings. */
    public long hostNatPeakMappings() {
        return hostNatPeakMappings;
    }

    /** The host NAT's peak number of mappings per session (a copy). */
    public Histogram hostNatPeakPerSession() {
        return hostNatPeakPerSession.copy();
    }

    public OutcomeDigest digest() {
        return new OutcomeDigest(digestSum, digestXor);
    }

    /** A new aggregate holding everything this one holds. */
    public PointAggregate copy() {
        PointAggregate copy = new PointAggregate();
        copy.merge(this);
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PointAggregate other)) {
            return false;
        }
        if (runs != other.runs || relayedBytes != other.relayedBytes || digestSum != other.digestSum || digestXor != other.digestXor
                || !Arrays.equals(outcomeCounts, other.outcomeCounts) || !Arrays.equals(reasonCounts, other.reasonCounts)
                || !Arrays.equals(attemptIndexCounts(), other.attemptIndexCounts())
                || !Arrays.equals(kindPackets, other.kindPackets) || !Arrays.equals(kindBytes, other.kindBytes)
                || !Arrays.equals(rttRuns, other.rttRuns) || !Arrays.equals(rttSamples, other.rttSamples)
                || !Arrays.equals(rttSumNanos, other.rttSumNanos) || !Arrays.equals(rttMaxNanos, other.rttMaxNanos)
                || sessions != other.sessions || sessionsAllDirect != other.sessionsAllDirect
                || sessionsAnyRelayed != other.sessionsAnyRelayed || sessionsAnyFailed != other.sessionsAnyFailed
                || sessionRelayedBytes != other.sessionRelayedBytes || hostNatPeakMappings != other.hostNatPeakMappings
                || !sameCounts(sessionLastConnect, other.sessionLastConnect)
                || !sameCounts(relayedBytesPerSession, other.relayedBytesPerSession)
                || !sameCounts(hostNatPeakPerSession, other.hostNatPeakPerSession)
                || upgradedRuns != other.upgradedRuns || !sameCounts(timeToDirect, other.timeToDirect)
                || !Arrays.equals(upgradeRttRuns, other.upgradeRttRuns) || !Arrays.equals(upgradeRttSamples, other.upgradeRttSamples)
                || !Arrays.equals(upgradeRttSumNanos, other.upgradeRttSumNanos)
                || !Arrays.equals(upgradeRttMaxNanos, other.upgradeRttMaxNanos)
                || !sameCounts(upgradeRttMeanPerRun[BEFORE], other.upgradeRttMeanPerRun[BEFORE])
                || !sameCounts(upgradeRttMeanPerRun[AFTER], other.upgradeRttMeanPerRun[AFTER])) {
            return false;
        }
        for (int i = 0; i < CONNECTED; i++) {
            if (!sameCounts(connectFromK1[i], other.connectFromK1[i]) || !sameCounts(connectFromStart[i], other.connectFromStart[i])
                    || !sameCounts(rttMeanPerRun[i], other.rttMeanPerRun[i])) {
                return false;
            }
        }
        if (!sameCounts(packetsPerRun, other.packetsPerRun) || !sameCounts(bytesPerRun, other.bytesPerRun)
                || !sameCounts(relayedBytesPerRun, other.relayedBytesPerRun)) {
            return false;
        }
        if (!Arrays.equals(outcomeExamples, other.outcomeExamples) || !Arrays.equals(reasonExamples, other.reasonExamples)
                || !natPairs.keySet().equals(other.natPairs.keySet())) {
            return false;
        }
        for (Map.Entry<NatPair, PairTally> e : natPairs.entrySet()) {
            PairTally theirs = other.natPairs.get(e.getKey());
            if (!Arrays.equals(e.getValue().counts, theirs.counts) || !Arrays.equals(e.getValue().examples, theirs.examples)) {
                return false;
            }
        }
        return true;
    }

    // Histogram equality ignoring the array size auto-resizing happened to reach.
    static boolean sameCounts(Histogram a, Histogram b) {
        return HistogramCodec.encode(a).equals(HistogramCodec.encode(b));
    }

    @Override
    public int hashCode() {
        return Objects.hash(runs, digestSum, digestXor);
    }

    @Override
    public String toString() {
        return "PointAggregate[runs=" + runs + ", outcomes=" + outcomes() + ", digest=" + digest().hex() + "]";
    }
}
