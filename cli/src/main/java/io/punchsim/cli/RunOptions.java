package io.punchsim.cli;

import io.punchsim.scenarios.run.SweepJob;
import picocli.CommandLine.Option;

/** Options shared by the commands that run simulations. */
final class RunOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all ${sys:punchsim.cores} cores). Results are identical for any N.")
    Integer threads;

    @Option(names = "--seeds", paramLabel = "N", description = "Runs per sweep point, overriding the file's 'seeds'.")
    Long seeds;

    @Option(names = "--precision", paramLabel = "HALF-WIDTH",
            description = {"Run each point to this 95%% half-width on every rate (e.g. 0.5%%) instead of a seed count:",
                    "batches of seeds in order, in the file's precision batches and cap (default 2048, 1000000)."})
    String precision;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    int threads() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new BadInputException("--threads must be at least 1, got " + n);
        }
        return n;
    }

    /** The job options these flags ask for, running the given points. */
    SweepJob.Options job(SweepJob.Points points) {
        SweepJob.Options options = SweepJob.Options.defaults().withThreads(threads()).withPoints(points);
        if (seeds != null && precision != null) {
            throw new BadInputException("--seeds and --precision both say how many seeds to run; give one of them");
        }
        if (precision != null) {
            return options.withHalfWidth(halfWidth(precision));
        }
        if (seeds == null) {
            return options;
        }
        if (seeds < 1) {
            throw new BadInputException("--seeds must be at least 1, got " + seeds);
        }
        return options.withSeeds(seeds);
    }

    /** A {@code --precision} half-width: a rate in (0, 50%]. */
    static double halfWidth(String text) {
        double value;
        try {
            value = io.punchsim.scenarios.units.Units.parseRate(text);
        } catch (io.punchsim.scenarios.units.UnitException e) {
            throw new BadInputException("--precision: " + e.getMessage());
        }
        if (!(value > 0 && value <= io.punchsim.reports.precision.Precision.MAX_HALF_WIDTH)) {
            throw new BadInputException("--precision: out of range: " + text + " is not within (0%, 50%]");
        }
        return value;
    }

    static {
        System.setProperty("punchsim.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }
}
