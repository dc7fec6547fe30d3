package io.punchsim.realnet.peer;

import io.punchsim.protocol.config.Parameter;
import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.protocol.config.ProtocolParameters;
import io.punchsim.protocol.config.ValueException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every parameter of the connection process as a command-line flag, derived from the protocol's
 * parameter table: the flag is the scenario key's words ({@code --game-phase-tick-rate}), the
 * value is written as in a scenario, and the defaults are the simulator's, so a real run without
 * flags runs the process a scenario without {@code protocol:} keys runs.
 */
public final class ProtocolFlags {

    /**
     * One flag.
     *
     * @param name e.g. {@code --attempt-interval}
     * @param label the value's placeholder, or empty for a switch
     * @param description one line for the help, with the default
     * @param parameter the table row it sets
     */
    public record Flag(String name, String label, String description, Parameter<?> parameter) {
        public boolean isSwitch() {
            return label.isEmpty();
        }
    }

    public static final List<Flag> FLAGS = ProtocolParameters.ALL.stream().map(ProtocolFlags::flag).toList();

    private ProtocolFlags() {}

    private static Flag flag(Parameter<?> p) {
        String label = p.isSwitch() ? "" : p.type().name().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
        String range = p.type().range().isEmpty() ? "" : ", " + p.type().range();
        String description = p.description() + " (default " + p.defaultText() + range + ")";
        return new Flag(p.flag(), label, description, p);
    }

    public static Set<String> valuedNames() {
        return names(false);
    }

    public static Set<String> switchNames() {
        return names(true);
    }

    private static Set<String> names(boolean switches) {
        return FLAGS.stream().filter(f -> f.isSwitch() == switches).map(Flag::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The configuration given by {@code values} (flag name to text) and the {@code switches} that
     * are on, starting from the table's defaults.
     *
     * @throws IllegalArgumentException naming the flag, for a value that does not parse or is out of range
     */
    public static ProtocolConfig toConfig(Map<String, String> values, Set<String> switches) {
        ProtocolConfig.Builder builder = ProtocolConfig.builder();
        for (Flag flag : FLAGS) {
            if (flag.isSwitch()) {
                if (switches.contains(flag.name())) {
                    flag.parameter().setText(builder, "true");
                }
                continue;
            }
            String text = values.get(flag.name());
            if (text != null) {
                try {
                    flag.parameter().setText(builder, text);
                } catch (ValueException e) {
                    throw new IllegalArgumentException(flag.name() + ": " + e.getMessage());
                }
            }
        }
        return builder.build();
    }
}
