package io.punchsim.scenarios.tune;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.precision.Precision;
import io.punchsim.reports.sweep.WallClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a tune found: every candidate it evaluated with its runs and where it ended, the front (the
 * feasible candidates no other beats on every objective), the recommended setting and why.
 *
 * @param candidates every evaluated candidate, by grid number
 * @param front      grid numbers of the front, best first by the choice objective
 * @param choice     the recommended candidate's grid number, if any candidate is feasible
 * @param budget     the most runs it could make, if it had a budget
 * @param reason     one line saying why it is recommended (or why nothing is)
 * @param runs       every run the tune made
 * @param rounds     how many rounds of batches it ran
 */
public record TuneResult(String scenario, String file, Tuner.Mode mode, TuneSpec spec, Precision precision, OptionalLong budget,
                         long gridSize,
                         List<Evaluated> candidates, List<Integer> front, Optional<Integer> choice, String reason, long runs,
                         Stop stoppedBecause, int rounds, WallClock wallClock) {

    /** Why the tune ended. */
    public enum Stop {
        /** Every candidate was done or ruled out, and the front had no unseen neighbour. */
        SETTLED("settled"),
        /** The budget had no room for another batch. */
        BUDGET("budget"),
        INTERRUPTED("interrupted");

        private final String key;

        Stop(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * One evaluated candidate.
     *
     * @param coordinates each tuned key's value index
     * @param parameters  key path to value, as reports show them
     * @param origin      why it was evaluated: {@code design}, {@code grid}, or {@code next to #N}
     * @param round       the round it joined in (0: the first design)
     * @param why         where it ended, in words
     * @param by          for an outperformed candidate, the grid number of the one that beat it
     * @param feasible    whether every constraint passes on its runs, judged as gates are
     */
    public record Evaluated(int index, int[] coordinates, Map<String, String> parameters, String origin, int round,
                            CandidateStatus status, String why, Optional<Integer> by, PointAggregate aggregate, boolean feasible) {
        public long seeds() {
            return aggregate.runs();
        }

        /** e.g. {@code protocol.attempt-limit=14}. */
        public String label() {
            return io.punchsim.scenarios.sweep.SweepPoint.label(parameters);
        }
    }

    public Evaluated candidate(int index) {
        return candidates.stream().filter(c -> c.index() == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("candidate " + index + " was not evaluated"));
    }

    public Optional<Evaluated> chosen() {
        return choice.map(this::candidate);
    }

    public List<Evaluated> frontCandidates() {
        return front.stream().map(this::candidate).toList();
    }

    public boolean partial() {
        return stoppedBecause == Stop.INTERRUPTED;
    }
}
