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
        if (seeds == null) {
            return options;
        }
        if (seeds < 1) {
            throw new BadInputException("--seeds must be at least 1, got " + seeds);
        }
        return options.withSeeds(seeds);
    }

    static {
        System.setProperty("punchsim.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }
}
