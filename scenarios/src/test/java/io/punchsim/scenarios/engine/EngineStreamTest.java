package io.punchsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.punchsim.reports.aggregate.PointAggregate;
import io.punchsim.reports.precision.PrecisionStop;
import io.punchsim.scenarios.load.Examples;
import io.punchsim.scenarios.run.RunFailedException;
import io.punchsim.scenarios.run.SweepJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What an engine in a JVM of its own and the command say to each other, written by one half and
 * read by the other: every message reads back as it was sent, aggregates exactly.
 */
class EngineStreamTest {

    private static EngineStream.Event roundTrip(EngineStream.Event event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new EngineStream.Sender(new PrintStream(bytes, true, StandardCharsets.UTF_8)).send(event);
        String line = bytes.toString(StandardCharsets.UTF_8);
        assertThat(line).startsWith(EngineStream.PREFIX).endsWith("\n").hasLineCount(1);
        return EngineStream.event(line.strip()).orElseThrow();
    }

    @Test
    void aRunThatThrewIsSentWithItsPointSeedAndTheExecutorsTrace() throws Exception {
        SweepJob job = SweepJob.prepare(Examples.load("same-lan"), SweepJob.Options.defaults().withSeeds(10).withThreads(1));
        RunFailedException failure = new RunFailedException(job.points().get(1).point(), 17, new ArithmeticException("test"));
        EngineStream.Event event = roundTrip(new EngineStream.RunFailed(failure.getMessage(), 1, 17,
                EngineStream.trace(failure.getCause())));

        assertThat(event).isInstanceOfSatisfying(EngineStream.RunFailed.class, run -> {
            assertThat(run.message()).isEqualTo(failure.getMessage()).contains("seed 17", "sweep point 2");
            assertThat(run.point()).isEqualTo(1);
            assertThat(run.seed()).isEqualTo(17);
            assertThat(run.cause()).startsWith("java.lang.ArithmeticException: test\n")
                    .contains("at io.punchsim.scenarios.engine.EngineStreamTest");
        });
    }

    @Test
    void aggregatesReadBackExactlyInResultsAndBatches() throws Exception {
        SweepJob job = SweepJob.prepare(Examples.load("same-lan"), SweepJob.Options.defaults().withSeeds(300).withThreads(1));
        List<PointAggregate> points = List.of(job.runSeeds(0, 0, 300), job.runSeeds(1, 0, 300), new PointAggregate());
        List<PrecisionStop> stops = List.of(new PrecisionStop(6144, 3, PrecisionStop.Reason.PRECISE));

        assertThat(roundTrip(new EngineStream.Result(true, 600, 1.5, 2, points, stops)))
                .isEqualTo(new EngineStream.Result(true, 600, 1.5, 2, points, stops));
        assertThat(roundTrip(new EngineStream.Batch(2, points.get(1)))).isEqualTo(new EngineStream.Batch(2, points.get(1)));
        assertThat(roundTrip(new EngineStream.Round(true, 4, 3))).isEqualTo(new EngineStream.Round(true, 4, 3));
        assertThat(roundTrip(new EngineStream.Round(false, 4, 0))).isEqualTo(new EngineStream.Round(false, 4, 0));
        assertThat(roundTrip(new EngineStream.Progress(40960, -1))).isEqualTo(new EngineStream.Progress(40960, -1));
        assertThat(roundTrip(new EngineStream.Failed("Spark did not start", true)))
                .isEqualTo(new EngineStream.Failed("Spark did not start", true));
        assertThat(roundTrip(new EngineStream.Failed("runs 0..2048", false))).isEqualTo(new EngineStream.Failed("runs 0..2048", false));
    }

    @Test
    void theCommandsRequestsReadBackAndOtherLinesAreNone() {
        EngineStream.RoundRequest round = new EngineStream.RoundRequest(List.of(new EngineStream.Runs(12, 0, 1024),
                new EngineStream.Runs(3, 2048, 3072)));
        assertThat(EngineStream.request(EngineStream.line(round))).hasValue(round);
        assertThat(EngineStream.request(EngineStream.line(new EngineStream.Cancel()))).hasValue(new EngineStream.Cancel());
        assertThat(EngineStream.request("cancel\r")).hasValue(new EngineStream.Cancel());
        assertThat(EngineStream.request("hello")).isEmpty();
        assertThat(EngineStream.event("WARN something of Spark's")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> EngineStream.event(EngineStream.PREFIX + "{\"what\":1}")).isInstanceOf(IllegalArgumentException.class);
    }
}
