package io.punchsim.cli;

import io.punchsim.protocol.config.ValueException;
import io.punchsim.scenarios.load.PrecisionBinder;
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

    @Option(names = "--precision", paramLabel = "HALF-WIDTH",
            description = {"Run each point to this 95%% half-width on every rate over runs (e.g. 0.5%%) instead of a seed count:",
                    "batches of seeds in order, in the file's precision batches and cap (default 2048, 1000000)."})
    String precision;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    int threads() {
        return threads(threads);
    }

    /**
     * A {@code --threads} value, for every command that takes one: all cores when not given, and
     * never more than the job allows, since each thread is a worker with its own simulator.
     */
    static int threads(Integer given) {
        if (given == null) {
            return Math.min(SweepJob.Options.MAX_THREADS, Runtime.getRuntime().availableProcessors());
        }
        if (given < 1 || given > SweepJob.Options.MAX_THREADS) {
            throw new BadInputException("--threads must be within 1.." + SweepJob.Options.MAX_THREADS + ", got " + given);
        }
        return given;
    }

    /** A {@code --seeds} value, for every command that takes one. */
    static long seeds(long given) {
        if (given < 1 || given > ScenarioLoader.MAX_SEEDS) {
            throw new BadInputException(String.format(Locale.ROOT, "--seeds must be within 1..%,d (runs per point), got %,d",
                    ScenarioLoader.MAX_SEEDS, given));
        }
        return given;
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
        return options.withSeeds(seeds(seeds));
    }

    /** A {@code --precision} half-width: a rate in (0, 50%]. */
    static double halfWidth(String text) {
        try {
            return PrecisionBinder.halfWidth(text);
        } catch (ValueException e) {
            throw new BadInputException("--precision: " + e.getMessage());
        }
    }

    // For the help text: the limits as the code has them.
    static {
        System.setProperty("punchsim.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        System.setProperty("punchsim.max-threads", Integer.toString(SweepJob.Options.MAX_THREADS));
        System.setProperty("punchsim.max-seeds", String.format(Locale.ROOT, "%,d", ScenarioLoader.MAX_SEEDS));
    }
}
