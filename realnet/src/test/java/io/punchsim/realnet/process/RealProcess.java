package io.punchsim.realnet.process;

import io.punchsim.realnet.RealnetMain;
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
 * One command of {@link RealnetMain} as a separate operating-system process (optionally run
 * through a prefix such as {@code ip netns exec NAME}), with its output lines collected as they
 * appear.
 */
public final class RealProcess implements AutoCloseable {

    /** A generous bound so a broken run fails the test instead of hanging it; never a timing claim. */
    private static final long PATIENCE_SECONDS = 60;

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private RealProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(this::readLines, "output-of-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    public static RealProcess start(String name, List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
        // Small heaps: four of these share the machine with the build.
        command.addAll(List.of("-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), RealnetMain.class.getName()));
        command.addAll(List.of(args));
        return new RealProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    public static RealProcess start(String name, String... args) throws IOException {
        return start(name, List.of(), args);
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
    public String awaitLine(Predicate<String> test) throws InterruptedException {
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
                    throw new AssertionError(name + " never printed the expected line; output:\n" + output());
                }
                lines.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    /** Waits for the process to end and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not end; output:\n" + output());
        }
        reader.join(5_000);
        return process.exitValue();
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public String output() {
        return String.join("\n", lines());
    }

    public String name() {
        return name;
    }

    /** Asks the process to stop as Ctrl-C would (SIGTERM runs the same shutdown hooks) and waits. */
    public int interrupt() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of its output.
        process.toHandle().destroy();
        return awaitExit();
    }

    /** Sends the process the signal {@code name} ({@code INT}, {@code HUP}, ...) and waits for it to exit. */
    public int signal(String name) throws InterruptedException, java.io.IOException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
        return awaitExit();
    }

    /** Kills the process at once (SIGKILL): no handler runs, nothing more is sent. */
    public int kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        return awaitExit();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
