package io.punchsim.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The punchsim command ({@link Main}) as a separate operating-system process, on the class path
 * the tests run with, so it can be sent real signals and killed; its output lines are collected as
 * they appear.
 */
final class ChildProcess implements AutoCloseable {

    /** A generous bound so a broken run fails the test instead of hanging it; never a timing claim. */
    private static final long PATIENCE_SECONDS = 120;

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::readLines, "output-of-punchsim");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code punchsim ARGS...} with these JVM system properties ({@code -Dkey=value}). */
    static ChildProcess start(List<String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
        // A small heap and a quick start: it shares the machine with the build.
        command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        properties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ChildProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // The process ended; what it printed is kept.
        }
    }

    /** Waits for the first output line that satisfies {@code test}. */
    String awaitLine(Predicate<String> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (test.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    throw new AssertionError("punchsim never printed the expected line; output:\n" + output());
                }
                lines.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("punchsim did not end; output:\n" + output());
        }
        reader.join(5_000);
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Sends SIGTERM, what a CI sends on cancel. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Sends SIGKILL: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().destroyForcibly();
        }
    }
}
