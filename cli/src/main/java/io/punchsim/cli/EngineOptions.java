package io.punchsim.cli;

import io.punchsim.scenarios.run.SweepJob;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which engine makes a command's runs: this machine's threads, or Apache Spark. */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local",
            description = "Where the runs are made: local (this machine's threads, the default) or spark (Apache Spark, "
                    + "in a JVM of its own that runs spark/target/punchsim-spark.jar). The report is the same.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, local[N] (embedded, on N cores) or spark://HOST:PORT "
                    + "(default: local[N], N from --threads).")
    String master;

    /** The engine these flags ask for, for a job prepared from {@code file} with {@code options}. */
    JobEngine of(SweepJob job, Path file, SweepJob.Options options) {
        switch (engine) {
            case "local" -> {
                if (master != null) {
                    throw new BadInputException("--master is for --engine spark");
                }
                return JobEngine.local(job);
            }
            case "spark" -> {
                String url = master != null ? master : "local[" + options.threads() + "]";
                return SparkEngineProcess.start(job, file, options, url);
            }
            default -> throw new BadInputException("--engine must be local or spark, got '" + engine + "'");
        }
    }
}
