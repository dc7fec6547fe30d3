package io.punchsim.cli;

import io.punchsim.scenarios.schema.JsonSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Prints the JSON Schema of scenario files, for editors that complete and check YAML.",
        footer = {"", "Example:", "  ./punchsim schema > punchsim-scenario.schema.json"})
final class SchemaCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println(JsonSchema.text());
        return ExitCode.OK;
    }
}
