package io.punchsim.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The JVMs an integration test starts, each with its output in a file, all stopped at the end, the
 * processes they started in turn included (a worker's executors, the command's Spark JVM), also
 * when the test fails.
 */
final class Processes implements AutoCloseable {
    private final Path logs;
    private final List<Process> started = new ArrayList<>();

    Processes(Path logs) {
        this.logs = logs;
    }

    static Path root() {
        return Path.of(System.getProperty("punchsim.root", "..")).toAbsolutePath().normalize();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code command} with {@code env} added, standard output and error into {@code NAME.log}. */
    Process start(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().remove("PUNCHSIM_SPARK_CLASSPATH");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    String log(String name) throws IOException {
        Path file = logs.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** Runs {@code command} to its end (at most {@code limit}) and returns its exit code. */
    int run(String name, List<String> command, Map<String, String> env, Duration limit) throws Exception {
        Process process = start(name, command, env);
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not end within " + limit + "; its output:\n" + log(name));
        }
        return process.exitValue();
    }

    /** Waits until {@code condition} holds, failing with {@code what} and the process's output after {@code limit}. */
    void await(String what, String name, Duration limit, BooleanSupplier condition) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(what + " did not happen within " + limit + "; output of " + name + ":\n" + log(name));
            }
            Thread.sleep(200);
        }
    }

    /** Stops every process started here and everything they started: TERM first, then KILL. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process process : started) {
            process.descendants().forEach(all::add);
            all.add(process.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        Instant end = Instant.now().plusSeconds(15);
        for (ProcessHandle handle : all) {
            long left = Math.max(1, Duration.between(Instant.now(), end).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
    }
}
