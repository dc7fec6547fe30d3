package io.punchsim.spark;

import java.nio.file.Path;

/**
 * Spark's own log, when this program starts the context: warnings and errors on standard error,
 * or, when asked for, everything from INFO up into a file (the {@code --spark-log} option, or the
 * system property {@value #FILE_PROPERTY}, which {@code punchsim --engine spark} passes on with
 * the rest of its JVM's options). Must run before the first Spark class logs; under
 * {@code spark-submit} the cluster's log4j2 settings apply instead.
 */
final class SparkLog {
    static final String FILE_PROPERTY = "punchsim.spark.log";

    private SparkLog() {}

    static void configure(Path file) {
        if (System.getProperty("log4j2.configurationFile") != null) {
            return;
        }
        String asked = System.getProperty(FILE_PROPERTY);
        if (file == null && asked == null) {
            System.setProperty("log4j2.configurationFile", "io/punchsim/spark/log4j2-warn.properties");
        } else {
            System.setProperty(FILE_PROPERTY, (file != null ? file : Path.of(asked)).toAbsolutePath().toString());
            System.setProperty("log4j2.configurationFile", "io/punchsim/spark/log4j2-file.properties");
        }
    }
}
