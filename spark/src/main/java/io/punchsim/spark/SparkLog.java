package io.punchsim.spark;

/**
 * Spark's own log, when this program starts the context: INFO and above into a file (errors also
 * on standard error), or without a file, warnings and errors on standard error. Must run before
 * the first Spark class logs; under {@code spark-submit} the cluster's log4j2 settings apply instead.
 */
final class SparkLog {
    private SparkLog() {}

    static void configure(java.nio.file.Path file) {
        if (System.getProperty("log4j2.configurationFile") != null) {
            return;
        }
        if (file == null) {
            System.setProperty("log4j2.configurationFile", "io/punchsim/spark/log4j2-warn.properties");
        } else {
            System.setProperty("punchsim.spark.log", file.toAbsolutePath().toString());
            System.setProperty("log4j2.configurationFile", "io/punchsim/spark/log4j2-file.properties");
        }
    }
}
