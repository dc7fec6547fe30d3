package io.punchsim.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.punchsim.protocol.config.Parameter;
import io.punchsim.protocol.config.ProtocolParameters;
import io.punchsim.protocol.config.ValueType;
import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.scenarios.model.Scenario;
import io.punchsim.scenarios.run.ConnectionRun;
import io.punchsim.scenarios.run.PreparedPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every value the binder accepts under {@code protocol:} runs, and every value that cannot run is
 * refused by the binder with file, line, column and key, in the file's own words.
 */
class ProtocolValuesTest {

    private static final long SEED = 11;

    /** The key as YAML nested mappings, with {@code value} at the leaf. */
    private static String yaml(String key, String value) {
        String[] parts = key.split("\\.");
        StringBuilder text = new StringBuilder("protocol:\n");
        String indent = "  ";
        for (int i = 0; i < parts.length - 1; i++) {
            text.append(indent).append(parts[i]).append(":\n");
            indent += "  ";
        }
        return text.append(indent).append(parts[parts.length - 1]).append(": ").append(value).append('\n').toString();
    }

    private static List<String> ends(ValueType<?> type) {
        if (type instanceof ValueType.Duration d) {
            return List.of(d.min() + "ns", d.max() + "ns");
        }
        if (type instanceof ValueType.Count c) {
            return List.of(Integer.toString(c.min()), Integer.toString(c.max()));
        }
        if (type instanceof ValueType.Real r) {
            return List.of("0.001", Double.toString(r.max()));
        }
        if (type instanceof ValueType.Switch) {
            return List.of("false", "true");
        }
        return List.of("0", "1", "1/3");
    }

    @Test
    void theEndsOfEveryProtocolRangeValidateAndRun() throws Exception {
        for (Parameter<?> p : ProtocolParameters.protocolSection()) {
            for (String value : ends(p.type())) {
                // A short game phase at a high tick rate keeps the run small; it is overridden when tested.
                String text = "seeds: 1\nhost: {nat: full-cone}\n" + yaml(p.key(), value);
                LoadedScenario loaded = ScenarioLoader.load("bounds.yaml", text);
                RunOutcome outcome = ConnectionRun.run(PreparedPoint.of(loaded.points().get(0)), SEED);
                assertThat(outcome).as("%s = %s, seed %d", p.key(), value, SEED).isNotNull();
            }
        }
    }

    @Test
    void theValuesJustOutsideEveryRangeAreRefusedWhereTheyAreWritten() {
        for (Parameter<?> p : ProtocolParameters.protocolSection()) {
            List<String> outside = new ArrayList<>();
            if (p.type() instanceof ValueType.Duration d) {
                if (d.min() > 0) {
                    outside.add((d.min() - 1) + "ns");
                }
                outside.add((d.max() + 1) + "ns");
            } else if (p.type() instanceof ValueType.Count c) {
                outside.add(Integer.toString(c.min() - 1));
                outside.add(Integer.toString(c.max() + 1));
            } else if (p.type() instanceof ValueType.Real r) {
                outside.add("0");
                outside.add(Double.toString(r.max() + 1));
            }
            for (String value : outside) {
                String text = yaml(p.key(), value);
                ScenarioException e = catchThrowableOfType(ScenarioException.class,
                        () -> ScenarioLoader.load("bounds.yaml", text));
                assertThat(e).as("%s = %s must be refused", p.key(), value).isNotNull();
                Problem problem = e.problems().get(0);
                int depth = p.key().split("\\.").length;
                assertThat(problem.line()).as(p.key()).isEqualTo(1 + depth);
                assertThat(problem.keyPath()).isEqualTo("protocol." + p.key());
                assertThat(problem.message()).startsWith("out of range: " + value + " is not within " + p.type().range());
            }
        }
    }

    @Test
    void theValuesThatOnceFailedOnlyWhenThePointWasPreparedAreNowCheckedOrRun() throws Exception {
        // Accepted, and they run: no retransmission at all, an immediate retry, a sub-hertz tick rate.
        Scenario none = ScenarioLoader.load("a.yaml", "protocol: {cloud-max-retransmits: 0}\n").base();
        assertThat(none.protocol().cloud().maxTransmissions()).isEqualTo(1);
        Scenario immediate = ScenarioLoader.load("b.yaml", "protocol: {no-session: {backoff: 0s}}\n").base();
        assertThat(immediate.protocol().noSession().backoff(1)).isZero();
        LoadedScenario slow = ScenarioLoader.load("c.yaml",
                "protocol: {game-phase: {enabled: true, tick-rate: 0.3, length: 10s}}\n");
        assertThat(slow.base().protocol().tickIntervalNanos()).isEqualTo(3_333_333_333L);
        RunOutcome outcome = ConnectionRun.run(PreparedPoint.of(slow.points().get(0)), SEED);
        assertThat(outcome).isNotNull();

        // Refused by validate, at the value, in the file's words.
        ScenarioException many = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load("d.yaml", "protocol:\n  stun-max-requests: 50\n"));
        assertThat(many.problems()).extracting(Problem::toString)
                .containsExactly("d.yaml:2:22: protocol.stun-max-requests: out of range: 50 is not within 1..12");
        ScenarioException empty = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load("e.yaml", "protocol:\n  game-phase: {enabled: true, length: 0s}\n"));
        assertThat(empty.problems()).extracting(Problem::toString)
                .containsExactly("e.yaml:2:39: protocol.game-phase.length: out of range: 0s is not within 1ms..1h");
        ScenarioException word = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load("f.yaml", "protocol:\n  game-phase: {tick-rate: fast}\n"));
        assertThat(word.problems()).extracting(Problem::toString)
                .containsExactly("f.yaml:2:27: protocol.game-phase.tick-rate: expected a number in (0, 1000]; got a string 'fast'");
    }
}
