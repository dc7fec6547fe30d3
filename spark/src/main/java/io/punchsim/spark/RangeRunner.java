package io.punchsim.spark;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.scenarios.run.SweepJob;
import java.io.Serializable;

/**
 * What a task does with its range on an executor. The engine ships it to the executors with the
 * job's spec; {@link #SEEDS}, the one every command uses, runs the range through the job.
 */
@FunctionalInterface
public interface RangeRunner extends Serializable {

    /** Runs the range's runs of the job and returns their aggregate. */
    PointAggregate run(SweepJob job, SeedRange range);

    /** The range's runs, run by the job: {@link SweepJob#runSeeds}. */
    RangeRunner SEEDS = (job, range) -> job.runSeeds(range.point(), range.from(), range.to());
}
