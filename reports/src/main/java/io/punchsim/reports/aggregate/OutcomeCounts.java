package io.punchsim.reports.aggregate;

import io.punchsim.reports.outcome.Outcome;
import io.punchsim.reports.stats.Proportion;

/** Direct, relayed and failed counts of a group of runs, with their rates. */
public record OutcomeCounts(long direct, long relayed, long failed) {

    public long runs() {
        return direct + relayed + failed;
    }

    public long count(Outcome outcome) {
        return switch (outcome) {
            case DIRECT -> direct;
            case RELAYED -> relayed;
            case FAILED -> failed;
        };
    }

    public Proportion rate(Outcome outcome) {
        return Proportion.wilson(count(outcome), runs());
    }

    public OutcomeCounts plus(OutcomeCounts other) {
        return new OutcomeCounts(direct + other.direct, relayed + other.relayed, failed + other.failed);
    }
}
