package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster on one machine: a standalone master and two workers of one core each, every one
 * a JVM of its own on loopback, each worker starting its executor JVM as on any cluster. The
 * workers' Spark installation holds Spark's jars and nothing of punchsim's (the libraries
 * {@code punchsim-spark.jar} carries are left out of it), so the executors run the application jar
 * the driver hands them. A sweep goes through the command ({@code --master spark://...}), and one
 * through {@code spark-submit}'s class, which runs the application jar on the installation's jars;
 * a tune goes through the command.
 *
 * <p>It takes half a minute or more, so it runs in CI (where {@code CI} is set) or when asked for
 * with {@code -Dpunchsim.spark.cluster=true}.
 */
@EnabledIf(value = "asked", disabledReason = "the standalone cluster test runs in CI or with -Dpunchsim.spark.cluster=true")
class StandaloneClusterIT {
    private static final Path ROOT = Processes.root();
    private static final Path SPARK_TARGET = ROOT.resolve("spark/target");
    private static final String FUSION = ROOT.resolve("scenarios/examples/fusion-default.yaml").toString();
    private static final long SEEDS = 10000;

    @TempDir
    static Path dir;
    private static Processes processes;
    private static String master;
    private static String distribution;
    private static String expected;

    static boolean asked() {
        return System.getenv("CI") != null || Boolean.getBoolean("punchsim.spark.cluster");
    }

    @BeforeAll
    static void startCluster() throws Exception {
        Path home = sparkHome(dir.resolve("spark-home"));
        distribution = home.resolve("jars").resolve("*").toString();
        Map<String, String> env = Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13");
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        processes = new Processes(dir);
        processes.start("master", List.of(Processes.java(), "-Xmx256m", "-cp", distribution,
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--webui-port", "0"), env);
        processes.await("the master's election", "master", Duration.ofMinutes(1),
                () -> log("master").contains("I have been elected leader"));
        for (String worker : List.of("worker-1", "worker-2")) {
            processes.start(worker, List.of(Processes.java(), "-Xmx256m", "-cp", distribution,
                    "org.apache.spark.deploy.worker.Worker", master, "--host", "127.0.0.1", "--cores", "1",
                    "--memory", "1g", "--webui-port", "0", "--work-dir", dir.resolve(worker).toString()), env);
        }
        for (String worker : List.of("worker-1", "worker-2")) {
            processes.await(worker + " registering", worker, Duration.ofMinutes(1),
                    () -> log(worker).contains("Successfully registered with master"));
        }
        expected = Reports.withoutWallClock(Reports.onTwoThreads(Reports.spec("fusion-default", SEEDS)));
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    void theCommandWithMasterSparkWritesTheReportOfThreadsTwo() throws Exception {
        Path out = dir.resolve("command");
        Path sparkLog = dir.resolve("command-spark.log");
        int exit = processes.run("command", CommandEngineIT.punchsim(List.of(CommandEngineIT.sparkLogOption(sparkLog)),
                "sweep", FUSION, "--seeds", Long.toString(SEEDS), "--engine", "spark", "--master", master,
                "--out", out.toString(), "-q"), Map.of(), Duration.ofMinutes(3));
        assertThat(exit).as(processes.log("command") + "\n" + readOr(sparkLog)).isZero();
        assertThat(Reports.withoutWallClock(Files.readString(out.resolve("report.json"))))
                .as("fusion-default, %d seeds from root seed 1: %s against --threads 2", SEEDS, master)
                .isEqualTo(expected);
        Matcher app = Pattern.compile("app ID (app-\\S+)").matcher(readOr(sparkLog));
        assertThat(app.find()).as("the application's id in Spark's log").isTrue();
        for (String worker : List.of("worker-1", "worker-2")) {
            assertThat(executorLogs(dir.resolve(worker).resolve(app.group(1))))
                    .as("the executor of " + worker + " ran tasks of " + app.group(1)).contains("Finished task");
        }
    }

    /** The race in the command, its rounds on the cluster's executors: the tune.json of two threads. */
    @Test
    void aTuneWithMasterSparkWritesTheTuneOfThreadsTwo() throws Exception {
        Path file = dir.resolve("tune-two.yaml");
        Files.writeString(file, TuneIdentityTest.SCENARIO);
        Path out = dir.resolve("tune");
        int exit = processes.run("tune", CommandEngineIT.punchsim("tune", file.toString(), "--engine", "spark", "--master", master,
                "--out", out.toString(), "-q"), Map.of(), Duration.ofMinutes(3));
        assertThat(exit).as(processes.log("tune")).isZero();
        String onThreads = io.punchsim.scenarios.tune.TuneJson.write(io.punchsim.scenarios.tune.Tuner.prepare(
                io.punchsim.scenarios.load.ScenarioLoader.load("tune-two.yaml", TuneIdentityTest.SCENARIO),
                io.punchsim.scenarios.tune.Tuner.Options.defaults().withThreads(2)).run());
        assertThat(Reports.withoutWallClock(Files.readString(out.resolve("tune.json"))))
                .as("tune-two from root seed %d: %s against --threads 2", TuneIdentityTest.ROOT_SEED, master)
                .isEqualTo(Reports.withoutWallClock(onThreads));
    }

    /** spark-submit's own class, on the workers' Spark installation: the application jar alone brings punchsim. */
    @Test
    void sparkSubmitOfTheApplicationJarWritesTheReportOfThreadsTwo() throws Exception {
        Path out = dir.resolve("submitted");
        int exit = processes.run("submit", List.of(Processes.java(), "-cp", distribution, "org.apache.spark.deploy.SparkSubmit",
                "--master", master, "--deploy-mode", "client", "--class", "io.punchsim.spark.SparkSweepCommand",
                SPARK_TARGET.resolve("punchsim-spark.jar").toString(), FUSION, "--seeds", Long.toString(SEEDS),
                "--out", out.toString()), Map.of(), Duration.ofMinutes(3));
        assertThat(exit).as(processes.log("submit")).isZero();
        assertThat(processes.log("submit")).contains("fusion-default: 1 point(s), 10,000 runs", "Every gate passed.");
        assertThat(Reports.withoutWallClock(Files.readString(out.resolve("report.json"))))
                .as("fusion-default, %d seeds from root seed 1: spark-submit to %s against --threads 2", SEEDS, master)
                .isEqualTo(expected);
    }

    /**
     * A Spark installation as the workers expect one, {@code jars/} holding Spark and its
     * libraries: the build's list of them less every artifact punchsim-spark.jar carries.
     */
    private static Path sparkHome(Path home) throws IOException {
        Set<String> shaded = new HashSet<>();
        try (JarFile jar = new JarFile(SPARK_TARGET.resolve("punchsim-spark.jar").toFile())) {
            jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties"))
                    .forEach(n -> shaded.add(n.split("/")[3]));
        }
        assertThat(shaded).as("the application jar's libraries").contains("HdrHistogram", "jackson-dataformat-yaml");
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        for (String entry : Files.readString(SPARK_TARGET.resolve("spark-classpath.txt")).strip().split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            String artifact = jar.getParent().getParent().getFileName().toString();
            if (!shaded.contains(artifact)) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
            }
        }
        return home;
    }

    private static String executorLogs(Path workDir) throws IOException {
        List<String> logs = new ArrayList<>();
        if (!Files.isDirectory(workDir)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.filter(f -> f.getFileName().toString().equals("stderr")).forEach(f -> logs.add(readOr(f)));
        }
        return String.join("\n", logs);
    }

    private static String log(String name) {
        try {
            return processes.log(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readOr(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
