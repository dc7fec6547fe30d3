package io.punchsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.reports.format.ReportDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sweep killed (SIGKILL: no hook, no finally block) at each step of switching its reports in
 * leaves the whole old set or the whole new one, never a mix; the next sweep into the same
 * directory cleans up what the killed one left and writes its own set.
 *
 * <p>The child process stops for good at the chosen step through the reports' test hook
 * ({@link ReportDirectory#PAUSE_PROPERTY}) and says so; the test then kills it there.
 */
class KilledWhileSwitchingReportsTest {

    private static final String SCENARIO = """
            name: switch
            seeds: 300
            gates:
              - {metric: direct-rate, at-least: 10%}
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ReportDirectory.Step.class)
    void aKillAtEveryStepLeavesAWholeSet(ReportDirectory.Step step) throws Exception {
        Path file = Files.writeString(dir.resolve("switch.yaml"), SCENARIO);
        Path out = dir.resolve("report");
        Cli.Result first = Cli.run("sweep", file.toString(), "--out", out.toString(), "-q", "--seeds", "200");
        assertThat(first.exit()).as(first.out() + first.err()).isEqualTo(ExitCode.OK);
        Map<String, String> old = contents(out);
        assertThat(old.keySet()).containsExactlyInAnyOrderElementsOf(ReportDirectory.SWEEP_FILES);

        try (ChildProcess sweep = ChildProcess.start(List.of(ReportDirectory.PAUSE_PROPERTY + "=" + step.name()),
                "sweep", file.toString(), "--out", out.toString(), "-q", "--seeds", "250")) {
            sweep.awaitLine(l -> l.equals("paused at " + step.name()));
            sweep.kill();
        }

        switch (step) {
            case STAGED -> assertThat(contents(out)).as("killed at %s: the old set, whole", step).isEqualTo(old);
            case OLD_ASIDE -> {
                assertThat(out).as("killed at %s: between the two renames", step).doesNotExist();
                assertThat(contents(only(dir, ".report.old-"))).as("killed at %s: the old set waits whole beside", step)
                        .isEqualTo(old);
            }
            case SWITCHED -> {
                Map<String, String> now = contents(out);
                assertThat(now.keySet()).containsExactlyInAnyOrderElementsOf(ReportDirectory.SWEEP_FILES);
                now.forEach((name, text) -> assertThat(text).as("killed at %s: %s of the new set", step, name).isNotEqualTo(old.get(name)));
                assertThat(now.get("report.json")).contains("\"runsPerPoint\" : 250");
            }
        }

        // The next sweep puts things right, then writes its own whole set.
        Cli.Result next = Cli.run("sweep", file.toString(), "--out", out.toString(), "-q", "--seeds", "150");
        assertThat(next.exit()).as(next.out() + next.err()).isEqualTo(ExitCode.OK);
        assertThat(contents(out).get("report.json")).contains("\"runsPerPoint\" : 150");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted()).as("after a kill at %s", step)
                    .containsExactly("report", "switch.yaml");
        }
    }

    private static Path only(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static Map<String, String> contents(Path d) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(d)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }
}
