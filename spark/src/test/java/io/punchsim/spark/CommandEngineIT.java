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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code punchsim sweep --engine spark} and {@code punchsim tune --engine spark} as a user runs
 * them: the command's own jar, which holds no Spark, starting the spark module's application in a
 * JVM of its own.
 */
class CommandEngineIT {
    private static final Path ROOT = Processes.root();
    private static final Path CLI_JAR = ROOT.resolve("cli/target/punchsim.jar");
    private static final String FUSION = ROOT.resolve("scenarios/examples/fusion-default.yaml").toString();
    private static final String TUNE_FUSION = ROOT.resolve("scenarios/examples/tune-fusion.yaml").toString();
    private static final java.util.regex.Pattern SECOND_ROUND_TASK = java.util.regex.Pattern.compile("Finished task \\S+ in stage 1\\.0 ");

    static List<String> punchsim(String... args) {
        return punchsim(List.of(), args);
    }

    /** The command with these JVM options, which it hands on to the Spark JVM it starts. */
    static List<String> punchsim(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Processes.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", CLI_JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    static String sparkLogOption(Path file) {
        return "-Dpunchsim.spark.log=" + file;
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
                    .contains("(single point)  20000", "Reports written to").doesNotContain("INFO", "WARN", "spark:");
            assertThat(spark.resolve("spark.log")).as("no Spark log unless asked for").doesNotExist();
        }
    }

    /**
     * TERM to the command alone (a CI runner's timeout, say): it tells the Spark JVM on its
     * standard input. INT to both (Ctrl-C in a terminal signals the whole foreground group): each
     * cancels on its own. Either way the report holds what finished, marked partial, and no JVM is left.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TERM to the command", "INT to the command and its Spark JVM"})
    void interruptedOnSparkTheCommandWritesWhatFinishedMarkedPartial(String signal, @TempDir Path dir) throws Exception {
        try (Processes processes = new Processes(dir)) {
            Path out = dir.resolve("out");
            Path log = dir.resolve("spark.log");
            Process sweep = processes.start("sweep", punchsim(List.of(sparkLogOption(log)), "sweep", FUSION, "--seeds",
                    "50000000", "--engine", "spark", "--master", "local[2]", "--out", out.toString(), "-q"), Map.of());
            // Three tasks logged as finished: the first one's result has reached the driver's reduction by then.
            processes.await("the first tasks ending", "sweep", Duration.ofMinutes(2),
                    () -> Files.exists(log) && read(log).split("Finished task", -1).length > 3);
            List<ProcessHandle> engine = sweep.descendants().collect(Collectors.toList());
            assertThat(engine).as("the Spark JVM the command started").isNotEmpty();

            signal(signal, sweep, engine);
            assertThat(sweep.waitFor(60, TimeUnit.SECONDS)).as(processes.log("sweep")).isTrue();

            String report = Files.readString(out.resolve("report.json"));
            assertThat(report).as(processes.log("sweep")).contains("\"partial\" : true");
            assertThat(report).containsPattern("\"runs\" : [1-9][0-9]*,");
            assertThat(sweep.exitValue()).as("the exit code of an interrupted sweep").isEqualTo(130);
            assertThat(processes.log("sweep")).contains("the reports hold what finished, marked partial");
            for (ProcessHandle handle : engine) {
                assertThat(handle.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("the Spark JVM has ended").isFalse();
            }
        }
    }

    /** The race runs in the command, its rounds on Spark: the same tune.json and front.yaml as on two threads. */
    @Test
    void tuneOnLocalTwoWritesTheTuneOfThreadsTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tune-two.yaml");
        Files.writeString(file, TuneIdentityTest.SCENARIO);
        try (Processes processes = new Processes(dir)) {
            Path local = dir.resolve("local");
            Path spark = dir.resolve("spark");
            assertThat(processes.run("local", punchsim("tune", file.toString(), "--threads", "2", "--out", local.toString(), "-q"),
                    Map.of(), Duration.ofMinutes(2))).as(processes.log("local")).isZero();
            assertThat(processes.run("spark", punchsim("tune", file.toString(), "--engine", "spark", "--master", "local[2]",
                    "--out", spark.toString(), "-q"), Map.of(), Duration.ofMinutes(2))).as(processes.log("spark")).isZero();

            assertThat(Reports.withoutWallClock(Files.readString(spark.resolve("tune.json"))))
                    .as("tune-two from root seed %d: tune --engine spark --master local[2] against --threads 2",
                            TuneIdentityTest.ROOT_SEED)
                    .isEqualTo(Reports.withoutWallClock(Files.readString(local.resolve("tune.json"))));
            assertThat(Files.readString(spark.resolve("front.yaml"))).isEqualTo(Files.readString(local.resolve("front.yaml")));
            assertThat(processes.log("spark")).as("the front and nothing of Spark's on the console")
                    .contains("Recommended: ", "Files written to").doesNotContain("INFO", "WARN", "spark:");
        }
    }

    /**
     * A tune on Spark stopped as a sweep on Spark is (TERM to the command, or INT to both JVMs), once
     * its first round is back: the files hold whole rounds (every candidate's seeds whole batches,
     * the round in flight dropped), marked interrupted, the exit code is 130 and no JVM is left.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TERM to the command", "INT to the command and its Spark JVM"})
    void anInterruptedTuneOnSparkWritesItsWholeRoundsMarkedInterrupted(String signal, @TempDir Path dir) throws Exception {
        try (Processes processes = new Processes(dir)) {
            Path out = dir.resolve("out");
            Path log = dir.resolve("spark.log");
            Process tune = processes.start("tune", punchsim(List.of(sparkLogOption(log)), "tune", TUNE_FUSION, "--engine", "spark",
                    "--master", "local[2]", "--out", out.toString(), "-q"), Map.of());
            // A round is one Spark job of one stage: three tasks of the second finished, the first round is in.
            processes.await("the second round's first tasks ending", "tune", Duration.ofMinutes(3),
                    () -> Files.exists(log) && SECOND_ROUND_TASK.matcher(read(log)).results().count() > 3);
            List<ProcessHandle> engine = tune.descendants().collect(Collectors.toList());
            assertThat(engine).as("the Spark JVM the command started").isNotEmpty();
            signal(signal, tune, engine);
            assertThat(tune.waitFor(60, TimeUnit.SECONDS)).as(processes.log("tune")).isTrue();

            String json = Files.readString(out.resolve("tune.json"));
            assertThat(json).as(processes.log("tune")).contains("\"stoppedBecause\" : \"interrupted\"");
            assertThat(json).containsPattern("\"rounds\" : [1-9][0-9]*,");
            java.util.regex.Matcher seeds = java.util.regex.Pattern.compile("\"seeds\" : ([0-9]+),").matcher(json);
            int candidates = 0;
            while (seeds.find()) {
                assertThat(Long.parseLong(seeds.group(1)) % 1024).as("seeds of a candidate: whole batches of 1,024").isZero();
                candidates++;
            }
            assertThat(candidates).isPositive();
            assertThat(tune.exitValue()).as("the exit code of an interrupted tune").isEqualTo(130);
            assertThat(processes.log("tune")).contains("the files hold what the tune found so far, marked interrupted");
            for (ProcessHandle handle : engine) {
                assertThat(handle.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("the Spark JVM has ended").isFalse();
            }
        }
    }

    /** TERM to the command alone, or INT to it and its Spark JVM, as a terminal's Ctrl-C does. */
    private static void signal(String signal, Process command, List<ProcessHandle> engine) throws Exception {
        if (signal.startsWith("TERM")) {
            command.destroy();
        } else {
            // The shell's own kill: the JDK cannot send INT, and a machine may have no kill program.
            StringBuilder pids = new StringBuilder(Long.toString(command.pid()));
            engine.forEach(handle -> pids.append(' ').append(handle.pid()));
            assertThat(new ProcessBuilder("sh", "-c", "kill -INT " + pids).inheritIO().start().waitFor()).isZero();
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
