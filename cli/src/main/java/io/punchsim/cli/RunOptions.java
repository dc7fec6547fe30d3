package io.punchsim.cli;

import io.punchsim.scenarios.load.ScenarioLoader;
import io.punchsim.scenarios.run.SweepJob;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options shared by the commands that run simulations. */
final class RunOptions {
    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads, 1..${sys:punchsim.max-threads} (default: all ${sys:punchsim.cores} cores). Results are identical for any N.")
    Integer threads;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Runs per sweep point, 1..${sys:punchsim.max-seeds}, overriding the file's 'seeds'.")
    Long seeds;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    int threads() {
        if (threads == null) {
            return Math.min(SweepJob.Options.MAX_THREADS, Runtime.getRuntime().availableProcessors());
        }
        if (threads < 1 || threads > SweepJob.Options.MAX_THREADS) {
            throw new BadInputException("--threads must be within 1.." + SweepJob.Options.MAX_THREADS + ", got " + threads);
        }
        return threads;
    }

    /** The job options these flags ask for, running the given points. */
    SweepJob.Options job(SweepJob.Points points) {
        SweepJob.Options options = SweepJob.Options.defaults().withThreads(threads()).withPoints(points);
        if (seeds == null) {
            return options;
        }
        if (seeds < 1 || seeds > ScenarioLoader.MAX_SEEDS) {
            throw new BadInputException(String.format(Locale.ROOT, "--seeds must be within 1..%,d (runs per point), got %,d",
                    ScenarioLoader.MAX_SEEDS, seeds));
        }
        return options.withSeeds(seeds);
    }

    // For the help text: the limits as the code has them.
    static {
        System.setProperty("punchsim.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        System.setProperty("punchsim.max-threads", Integer.toString(SweepJob.Options.MAX_THREADS));
        System.setProperty("punchsim.max-seeds", String.format(Locale.ROOT, "%,d", ScenarioLoader.MAX_SEEDS));
    }
}
