package io.punchsim.protocol.peer;

import static io.punchsim.protocol.harness.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.event.Role;
import io.punchsim.protocol.event.Step;
import io.punchsim.protocol.event.StepEvent;
import io.punchsim.protocol.harness.TestNet.Packet;
import io.punchsim.protocol.harness.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A context that does not record details gets the same steps, at the same times, without the text. */
class RecordingTest {

    private static World run(long seed, boolean recording) {
        World w = new World(World.TIMED, seed);
        w.net.recording(recording);
        return w.start(120 * MS).runUntilClientFinished(60_000 * MS);
    }

    private record Beat(long atNanos, Role role, Step step) {}

    private static List<Beat> beats(World w) {
        return w.net.events().stream().map(e -> new Beat(e.atNanos(), e.role(), e.step())).toList();
    }

    @Test
    void stepsPacketsAndResultDoNotDependOnRecording() {
        for (long seed = 1; seed <= 5; seed++) {
            World recorded = run(seed, true);
            World quiet = run(seed, false);
            assertThat(beats(quiet)).as("seed %d", seed).isEqualTo(beats(recorded));
            assertThat(quiet.net.packets().stream().map(Packet::atNanos).toList()).as("seed %d", seed)
                    .isEqualTo(recorded.net.packets().stream().map(Packet::atNanos).toList());
            assertThat(quiet.client.result().outcome()).as("seed %d", seed)
                    .isEqualTo(recorded.client.result().outcome());
            assertThat(quiet.client.result().connectFromK1Nanos()).as("seed %d", seed)
                    .isEqualTo(recorded.client.result().connectFromK1Nanos());
        }
    }

    @Test
    void detailsAreWrittenOnlyWhenRecording() {
        World recorded = run(3, true);
        World quiet = run(3, false);
        // Spec step K1: the client learns the host's reflexive and local addresses from the cloud.
        assertThat(recorded.event(Role.CLIENT, Step.K1).map(StepEvent::detail).orElseThrow())
                .as("seed 3").contains(World.HOST.toString());
        assertThat(quiet.event(Role.CLIENT, Step.K1).map(StepEvent::detail).orElseThrow()).as("seed 3").isEmpty();
        // A fixed text costs nothing and is kept; anything formatted is left out.
        List<StepEvent> loud = recorded.net.events();
        List<StepEvent> silent = quiet.net.events();
        assertThat(silent).as("seed 3").hasSameSizeAs(loud);
        for (int i = 0; i < silent.size(); i++) {
            assertThat(silent.get(i).detail()).as("seed 3, %s", loud.get(i)).isIn("", loud.get(i).detail());
        }
        assertThat(silent).as("seed 3").anySatisfy(e -> assertThat(e.detail()).isEmpty());
    }
}
