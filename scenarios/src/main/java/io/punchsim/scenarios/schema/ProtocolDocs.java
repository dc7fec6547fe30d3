package io.punchsim.scenarios.schema;

import io.punchsim.protocol.config.Parameter;
import io.punchsim.protocol.config.ProtocolParameters;
import java.util.stream.Collectors;

/**
 * The protocol table of the scenario docs, from the protocol's parameter table; a test keeps the
 * README's copy equal to it.
 */
public final class ProtocolDocs {

    public static final String BEGIN = "<!-- protocol-table:begin (generated from ProtocolParameters; do not edit) -->";
    public static final String END = "<!-- protocol-table:end -->";

    private ProtocolDocs() {}

    /** One row per parameter: key (groups written as {@code `group`.`key`}), type, default, range, flag, meaning, why. */
    public static String markdownTable() {
        StringBuilder md = new StringBuilder();
        md.append("| key | type | default | range | real-network flag | meaning | why this default |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Parameter<?> p : ProtocolParameters.ALL) {
            String dotted = java.util.Arrays.stream(p.key().split("\\.")).map(k -> "`" + k + "`").collect(Collectors.joining("."));
            String key = switch (p.scope()) {
                case PEER -> "`host`/`client`: `" + p.key() + "`";
                case SESSION -> "`session`." + dotted;
                case PROTOCOL -> dotted;
            };
            md.append("| ").append(key)
                    .append(" | ").append(p.type().name())
                    .append(" | ").append(p.defaultValue() == null ? p.defaultText() : "`" + p.defaultText() + "`")
                    .append(" | ").append(p.type().range())
                    .append(" | `").append(p.flag()).append('`')
                    .append(" | ").append(cell(p.description()))
                    .append(" | ").append(cell(p.why()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
