package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code punchsim sweep --engine spark} as a user runs it: the command's own jar, which holds no
 * Spark, starting the spark module's application in a JVM of its own.
 */
class CommandEngineIT {
    private static final Path ROOT = Processes.root();
    private static final Path CLI_JAR = ROOT.resolve("cli/target/punchsim.jar");
    private static final String FUSION = ROOT.resolve("scenarios/examples/fusion-default.yaml").toString();

    static List<String> punchsim(String... args) {
        List<String> command = new ArrayList<>(List.of(Processes.java(), "-jar", CLI_JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void engineSparkOnLocalTwoWritesTheReportOfThreadsTwo(@TempDir Path dir) throws Exception {
        try (Processes processes = new Processes(dir)) {
            Path local = dir.resolve("local");
            Path spark = dir.resolve("spark");
            assertThat(processes.run("local", punchsim("sweep", FUSION, "--seeds", "20000", "--threads", "2", "--out",
                    local.toString(), "-q"), Map.of(), Duration.ofMinutes(2))).as(processes.log("local")).isZero();
            assertThat(processes.run("spark", punchsim("sweep", FUSION, "--seeds", "20000", "--engine", "spark",
                    "--master", "local[2]", "--out", spark.toString(), "-q"), Map.of(), Duration.ofMinutes(2)))
                    .as(processes.log("spark")).isZero();

            assertThat(Reports.withoutWallClock(Files.readString(spark.resolve("report.json"))))
                    .as("fusion-default, 20000 seeds from root seed 1: --engine spark --master local[2] against --threads 2")
                    .isEqualTo(Reports.withoutWallClock(Files.readString(local.resolve("report.json"))));
            assertThat(processes.log("spark")).as("the summary and nothing of Spark's on the console")
                    .contains("(single point)  20000", "Reports written to").doesNotContain("INFO", "WARN");
            assertThat(Files.readString(spark.resolve("spark.log"))).as("Spark's log, in the output directory")
                    .contains("Running Spark version");
        }
    }

    @Test
    void interruptedOnSparkTheCommandWritesWhatFinishedMarkedPartial(@TempDir Path dir) throws Exception {
        try (Processes processes = new Processes(dir)) {
            Path out = dir.resolve("out");
            Process sweep = processes.start("sweep", punchsim("sweep", FUSION, "--seeds", "50000000", "--engine", "spark",
                    "--master", "local[2]", "--out", out.toString(), "-q"), Map.of());
            Path log = out.resolve("spark.log");
            processes.await("the first tasks ending", "sweep", Duration.ofMinutes(2),
                    () -> Files.exists(log) && read(log).contains("Finished task"));
            List<ProcessHandle> engine = sweep.descendants().collect(Collectors.toList());
            assertThat(engine).as("the Spark JVM the command started").isNotEmpty();

            sweep.destroy(); // TERM, as a CI runner's timeout sends it; Ctrl-C takes the same path
            assertThat(sweep.waitFor(60, TimeUnit.SECONDS)).as(processes.log("sweep")).isTrue();

            String report = Files.readString(out.resolve("report.json"));
            assertThat(report).contains("\"partial\" : true");
            assertThat(report).containsPattern("\"runs\" : [1-9][0-9]*,");
            assertThat(processes.log("sweep")).contains("Interrupted: the reports hold the");
            for (ProcessHandle handle : engine) {
                assertThat(handle.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("the Spark JVM has ended").isFalse();
            }
        }
    }

    @Test
    void theCommandsJarHoldsNoSpark() throws Exception {
        try (JarFile jar = new JarFile(CLI_JAR.toFile())) {
            assertThat(jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/") || n.startsWith("org/apache/hadoop/")))
                    .isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
