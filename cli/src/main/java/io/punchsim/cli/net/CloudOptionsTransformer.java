package io.punchsim.cli.net;

import io.punchsim.realnet.cloud.CloudOptions;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds every protocol parameter ({@link ProtocolOptions}) and every option of the real cloud
 * ({@link CloudOptions#ALL}: caps, limits, status and log) to {@code serve-cloud}, so both come
 * from their one table.
 */
final class CloudOptionsTransformer implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        new ProtocolOptions().transform(spec);
        for (CloudOptions.Option option : CloudOptions.ALL) {
            spec.addOption(OptionSpec.builder(option.name()).description(option.help())
                    .type(String.class).paramLabel(option.label()).arity("1").build());
        }
        return spec;
    }

    /** The settings the command line gives; a bad value is a usage error (exit code 2). */
    static CloudOptions.Settings settings(CommandSpec spec) {
        Map<String, String> values = new HashMap<>();
        for (CloudOptions.Option option : CloudOptions.ALL) {
            Object value = spec.findOption(option.name()).getValue();
            if (value != null) {
                values.put(option.name(), (String) value);
            }
        }
        try {
            return CloudOptions.toSettings(values);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
