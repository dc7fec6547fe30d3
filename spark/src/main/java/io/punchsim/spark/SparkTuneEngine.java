package io.punchsim.spark;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.scenarios.run.RunFailedException;
import io.punchsim.scenarios.tune.TuneEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tune's runs on a {@link SparkEngine}: each round is one Spark job, every batch cut into seed
 * ranges of whole chunks ({@link SeedRanges}), sized for the round as a sweep's tasks are for the
 * sweep. A round counts whole or not at all: when it is cancelled, what came back is dropped, as
 * a precision sweep on Spark drops a cancelled wave, so a cut tune holds whole rounds. The
 * context is its owner's: closing this engine leaves it running.
 */
public final class SparkTuneEngine implements TuneEngine {
    private final SparkEngine engine;
    private final TuneCandidates candidates;
    private final long runsBefore;

    public SparkTuneEngine(SparkEngine engine, TuneCandidates candidates) {
        this.engine = engine;
        this.candidates = candidates;
        this.runsBefore = engine.runsDone();
    }

    /**
     * Runs a round: each batch ({@link SeedRange#point} is a candidate's grid number) as ranges of
     * its runs.
     *
     * @return each batch's aggregate in the order given, or empty when the round was cancelled
     * @throws RangeFailedException naming the runs and the candidate of a range that failed on every try
     */
    public Optional<List<PointAggregate>> aggregates(List<SeedRange> batches) {
        long runs = batches.stream().mapToLong(SeedRange::runs).sum();
        int perTask = SeedRanges.runsPerTask(Math.max(1, runs), engine.cores(), engine.setting(SeedRanges.RUNS_PER_TASK_SETTING));
        List<SeedRange> ranges = new ArrayList<>();
        List<Integer> batchOf = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            SeedRange batch = batches.get(b);
            for (SeedRange range : SeedRanges.plan(1, batch.from(), batch.to(), perTask)) {
                ranges.add(new SeedRange(batch.point(), range.from(), range.to()));
                batchOf.add(b);
            }
        }
        List<PointAggregate> byBatch = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            byBatch.add(new PointAggregate());
        }
        if (!engine.run(candidates, ranges, (aggregate, task) -> byBatch.get(batchOf.get(task)).merge(aggregate))) {
            return Optional.empty();
        }
        return Optional.of(byBatch);
    }

    @Override
    public boolean run(List<Batch> round) {
        List<SeedRange> batches = new ArrayList<>();
        Map<Integer, Batch> byCandidate = new HashMap<>();
        for (Batch batch : round) {
            if (batch.runs() > 0) {
                batches.add(new SeedRange(batch.candidate(), batch.from(), batch.to()));
                byCandidate.put(batch.candidate(), batch);
            }
        }
        Optional<List<PointAggregate>> aggregates;
        try {
            aggregates = aggregates(batches);
        } catch (RangeFailedException e) {
            throw runFailed(e, byCandidate.get(e.range().point()));
        }
        if (aggregates.isEmpty()) {
            return false;
        }
        for (int b = 0; b < batches.size(); b++) {
            byCandidate.get(batches.get(b).point()).into().merge(aggregates.get().get(b));
        }
        return true;
    }

    /** A run that threw becomes the pipeline's RunFailedException, as on one machine; any other failure stays as it is. */
    static RuntimeException runFailed(RangeFailedException e, Batch batch) {
        if (batch != null && e.seed() >= 0 && e.getCause() != null && e.getCause().getCause() instanceof RuntimeException cause) {
            return new RunFailedException(batch.point().point(), e.seed(), cause);
        }
        return e;
    }

    @Override
    public long runsDone() {
        return engine.runsDone() - runsBefore;
    }

    @Override
    public int threads() {
        return engine.cores();
    }

    @Override
    public void cancel() {
        engine.cancel();
    }

    @Override
    public void close() {
        // The context is its owner's.
    }
}
