package io.punchsim.cli.net;

import io.punchsim.protocol.config.ProtocolConfig;
import io.punchsim.realnet.peer.ProtocolFlags;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds every protocol parameter and variant ({@link ProtocolFlags#FLAGS}) as an option of a
 * command, so the flags, their help and their parsing live in one table.
 */
final class ProtocolOptions implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (ProtocolFlags.Flag flag : ProtocolFlags.FLAGS) {
            OptionSpec.Builder option = OptionSpec.builder(flag.name()).description(flag.description());
            if (flag.isSwitch()) {
                option.type(boolean.class).arity("0");
            } else {
                option.type(String.class).paramLabel(flag.label()).arity("1");
            }
            spec.addOption(option.build());
        }
        return spec;
    }

    /** The configuration the command line gives; a bad value is a usage error (exit code 2). */
    static ProtocolConfig config(CommandSpec spec) {
        Map<String, String> values = new HashMap<>();
        Set<String> switches = new HashSet<>();
        for (ProtocolFlags.Flag flag : ProtocolFlags.FLAGS) {
            Object value = spec.findOption(flag.name()).getValue();
            if (flag.isSwitch()) {
                if (Boolean.TRUE.equals(value)) {
                    switches.add(flag.name());
                }
            } else if (value != null) {
                values.put(flag.name(), (String) value);
            }
        }
        try {
            return ProtocolFlags.toConfig(values, switches);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
