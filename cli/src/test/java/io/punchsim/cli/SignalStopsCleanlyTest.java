package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A real punchsim process stopped by SIGTERM (what CI sends on cancel) or SIGINT (Ctrl-C) in the
 * middle of a sweep exits 130 and leaves a whole report marked partial, in every format, and
 * nothing else beside it.
 */
class SignalStopsCleanlyTest {

    private static final String LONG_SWEEP = """
            name: long-sweep
            seeds: 2000000
            sweep:
              protocol.attempt-limit: [4, 6, 8, 10, 12, 14]
            gates:
              - {metric: failed-rate, at-most: 5%}
              - {metric: connect-time-p95, at-most: 4s}
            """;
    private static final int POINTS = 6;
    private static final int GATES = 2;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalStopsTheSweepWithExitCode130AndAPartialReport(String signal) throws Exception {
        Path file = Files.writeString(dir.resolve("long-sweep.yaml"), LONG_SWEEP);
        Path out = dir.resolve("report");
        try (ChildProcess sweep = ChildProcess.start(List.of(), "sweep", file.toString(), "--out", out.toString(), "-q",
                "--threads", "1")) {
            // The lock is taken just before the first run; give the runs a moment so some finish
            // (the assertions below hold for any number that did).
            awaitFile(sweep, dir.resolve(".report.lock"));
            TimeUnit.SECONDS.sleep(3);
            assertThat(sweep.isAlive()).as("two million runs a point take far longer: %s", sweep.output()).isTrue();
            if (signal.equals("TERM")) {
                sweep.terminate();
            } else {
                assumeTrue(Files.isExecutable(Path.of("/bin/kill")), "no /bin/kill to send SIGINT with");
                new ProcessBuilder("/bin/kill", "-INT", Long.toString(sweep.pid())).inheritIO().start().waitFor();
            }
            int exit = sweep.awaitExit();
            String output = sweep.output();
            assertThat(exit).as("exit code after SIG%s; output:\n%s", signal, output).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(output).contains("Interrupted: ").contains("marked partial").doesNotContain("Exception");
        }

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("partial").asBoolean()).isTrue();
        assertThat(report.get("planned").get("points").asInt()).isEqualTo(POINTS);
        assertThat(report.get("summary").get("runs").asLong()).isLessThan(report.get("planned").get("runs").asLong());
        assertThat(report.get("summary").get("gatesPassed").asBoolean()).isFalse();
        int complete = report.get("summary").get("completePoints").asInt();

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(out.resolve("junit.xml"))));
        Element suite = (Element) junit.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(GATES * POINTS));
        assertThat(suite.getAttribute("skipped")).isEqualTo(Integer.toString(GATES * (POINTS - complete)));

        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("interrupted: " + complete + " of " + POINTS + " points").doesNotContain("checks passed");
        assertThat(Files.readString(out.resolve("report.html"))).contains("interrupted: " + complete + " of " + POINTS + " points");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted()).containsExactly("long-sweep.yaml", "report");
        }
    }

    private static void awaitFile(ChildProcess process, Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(file)) {
            assertThat(process.isAlive()).as("punchsim ended before taking the lock: %s", process.output()).isTrue();
            assertThat(System.nanoTime()).as("punchsim never took the lock").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
