package io.punchsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster on one machine: a standalone master and two workers of one core each, every one
 * a JVM of its own on loopback, each worker starting its executor JVM as on any cluster. The
 * workers' Spark installation holds Spark's jars and nothing of punchsim's (the libraries
 * {@code punchsim-spark.jar} carries are left out of it), so the executors run the application jar
 * the driver hands them. The sweep goes through the command, {@code --master spark://...}.
 *
 * <p>It takes half a minute or more, so it runs in CI (where {@code CI} is set) or when asked for
 * with {@code -Dpunchsim.spark.cluster=true}.
 */
class StandaloneClusterIT {
    private static final Path ROOT = Processes.root();
    private static final Path SPARK_TARGET = ROOT.resolve("spark/target");

    @Test
    void aSweepThroughAStandaloneClusterWritesTheReportOfThreadsTwo(@TempDir Path dir) throws Exception {
        assumeTrue(System.getenv("CI") != null || Boolean.getBoolean("punchsim.spark.cluster"),
                "the standalone cluster test runs in CI or with -Dpunchsim.spark.cluster=true");
        Path home = sparkHome(dir.resolve("spark-home"));
        String classPath = Files.readString(SPARK_TARGET.resolve("spark-classpath.txt")).strip();
        Map<String, String> env = Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13");
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        try (Processes processes = new Processes(dir)) {
            processes.start("master", List.of(Processes.java(), "-Xmx256m", "-cp", classPath,
                    "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--webui-port", "0"), env);
            processes.await("the master's election", "master", Duration.ofMinutes(1),
                    () -> log(processes, "master").contains("I have been elected leader"));
            for (String worker : List.of("worker-1", "worker-2")) {
                processes.start(worker, List.of(Processes.java(), "-Xmx256m", "-cp", classPath,
                        "org.apache.spark.deploy.worker.Worker", master, "--host", "127.0.0.1", "--cores", "1",
                        "--memory", "1g", "--webui-port", "0", "--work-dir", dir.resolve(worker).toString()), env);
            }
            for (String worker : List.of("worker-1", "worker-2")) {
                processes.await(worker + " registering", worker, Duration.ofMinutes(1),
                        () -> log(processes, worker).contains("Successfully registered with master"));
            }

            Path out = dir.resolve("report");
            Path sparkLog = dir.resolve("spark.log");
            int exit = processes.run("sweep", CommandEngineIT.punchsim(List.of(CommandEngineIT.sparkLogOption(sparkLog)), "sweep",
                    ROOT.resolve("scenarios/examples/fusion-default.yaml").toString(), "--seeds", "10000",
                    "--engine", "spark", "--master", master, "--out", out.toString(), "-q"), Map.of(), Duration.ofMinutes(3));
            assertThat(exit).as(processes.log("sweep") + "\n" + readOr(sparkLog)).isZero();

            JobSpec spec = Reports.spec("fusion-default", 10000);
            assertThat(Reports.withoutWallClock(Files.readString(out.resolve("report.json"))))
                    .as("fusion-default, 10000 seeds from root seed 1: %s against --threads 2", master)
                    .isEqualTo(Reports.withoutWallClock(Reports.onTwoThreads(spec)));
            for (String worker : List.of("worker-1", "worker-2")) {
                assertThat(executorLogs(dir.resolve(worker))).as("the executor of " + worker + " ran tasks")
                        .contains("Finished task");
            }
        }
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
        try (Stream<Path> files = Files.walk(workDir)) {
            files.filter(f -> f.getFileName().toString().equals("stderr")).forEach(f -> logs.add(readOr(f)));
        }
        return String.join("\n", logs);
    }

    private static String log(Processes processes, String name) {
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
