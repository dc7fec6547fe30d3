package io.punchsim.cli;

import io.punchsim.scenarios.run.SweepJob;
import io.punchsim.scenarios.tune.TuneEngine;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntFunction;
import picocli.CommandLine.Option;

/** Which engine makes a command's runs: this machine's threads, or Apache Spark. */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local",
            description = "Where the runs are made: local (this machine's threads, the default) or spark (Apache Spark, "
                    + "in a JVM of its own that runs spark/target/punchsim-spark.jar). The result is the same.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, local[N] (embedded, on N cores) or spark://HOST:PORT "
                    + "(default: local[N], N from --threads).")
    String master;

    /** The engine these flags ask for, for a job prepared from {@code file} with {@code options}. */
    JobEngine of(SweepJob job, Path file, SweepJob.Options options) {
        return sparkMaster(options.threads())
                .<JobEngine>map(url -> SparkEngineProcess.start(job, file, options, url))
                .orElseGet(() -> JobEngine.local(job));
    }

    /**
     * The engine these flags ask for, for a tune of {@code file}, made for the tune's threads once
     * the tune has checked the file: the flags themselves are checked now.
     */
    IntFunction<TuneEngine> tune(Path file, int threads) {
        Optional<String> url = sparkMaster(threads);
        return url.<IntFunction<TuneEngine>>map(u -> n -> SparkEngineProcess.tune(file, u)).orElse(TuneEngine::local);
    }

    /** The Spark master these flags ask for, or empty for this machine's threads. */
    private Optional<String> sparkMaster(int threads) {
        switch (engine) {
            case "local" -> {
                if (master != null) {
                    throw new BadInputException("--master is for --engine spark");
                }
                return Optional.empty();
            }
            case "spark" -> {
                return Optional.of(master != null ? master : "local[" + threads + "]");
            }
            default -> throw new BadInputException("--engine must be local or spark, got '" + engine + "'");
        }
    }
}
