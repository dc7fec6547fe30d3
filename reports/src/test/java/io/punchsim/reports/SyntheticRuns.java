package io.punchsim.reports;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.outcome.FailureReason;
import io.punchsim.reports.outcome.GamePath;
import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.outcome.RttSummary;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.SessionOutcome;
import io.punchsim.reports.outcome.TrafficCounts;
import io.punchsim.reports.outcome.TrafficKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Run outcomes drawn from a stated distribution, standing in for the simulator: direct with
 * probability {@code pDirect}, relayed with {@code pRelayed}, failed otherwise, with connect times
 * shaped like the default process (attempts every 500 ms, relay from the 8th).
 */
public final class SyntheticRuns {

    public static final String[] NATS = {"full-cone", "restricted-cone", "port-restricted-cone", "symmetric"};

    private SyntheticRuns() {
    }

    public static List<RunOutcome> draw(long seed, int runs, double pDirect, double pRelayed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RunOutcome> out = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            long runSeed = random.nextLong();
            String host = NATS[random.nextInt(NATS.length)];
            String client = NATS[random.nextInt(NATS.length)];
            TrafficCounts.Tally tally = new TrafficCounts.Tally();
            tally.count(TrafficKind.STUN, 48).count(TrafficKind.STUN, 60);
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                tally.count(TrafficKind.CONNECT_REQUEST, 40);
                tally.count(TrafficKind.PING, 32);
            }
            double u = random.nextDouble();
            if (u < pDirect) {
                int attempt = random.nextInt(7);
                long fromK1 = attempt * 500_000_000L + 20_000_000L + random.nextInt(80_000_000);
                long rttSamples = 50;
                long rtt = 40_000_000L + random.nextInt(10_000_000);
                out.add(RunOutcome.connected(runSeed, Outcome.DIRECT, fromK1, fromK1 + 300_000_000L, attempt, host, client,
                        tally.count(TrafficKind.CONNECT_ACCEPT, 40).toCounts(), 0,
                        new RttSummary(GamePath.DIRECT, rttSamples, rtt * rttSamples, rtt + 5_000_000L)));
            } else if (u < pDirect + pRelayed) {
                int attempt = 7 + random.nextInt(3);
                long fromK1 = attempt * 500_000_000L + 60_000_000L + random.nextInt(80_000_000);
                out.add(RunOutcome.connected(runSeed, Outcome.RELAYED, fromK1, fromK1 + 300_000_000L, attempt, host, client,
                        tally.count(TrafficKind.RELAY, 80).toCounts(), 80 + 40L * random.nextInt(5),
                        new RttSummary(GamePath.RELAYED, 50, 50 * 90_000_000L, 95_000_000L)));
            } else {
                FailureReason reason = random.nextInt(4) == 0 ? FailureReason.STUN_FAILED : FailureReason.ATTEMPTS_EXHAUSTED;
                out.add(RunOutcome.failed(runSeed, reason, host, client, tally.toCounts(), 0));
            }
        }
        return out;
    }

    /** A run as the session of its one client, which started at 0 and connected when its connect time from start says. */
    public static SessionOutcome session(RunOutcome run) {
        return SessionOutcome.of(run, run.outcome() == Outcome.FAILED ? -1 : run.connectNanosFromStart(), 1);
    }

    public static PointAggregate aggregate(long seed, int runs, double pDirect, double pRelayed) {
        PointAggregate a = new PointAggregate();
        for (RunOutcome run : draw(seed, runs, pDirect, pRelayed)) {
            a.add(session(run));
        }
        return a;
    }
}
