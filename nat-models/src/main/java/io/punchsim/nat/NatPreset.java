package io.punchsim.nat;

import java.util.Objects;

/**
 * One entry of the preset registry ({@link NatPresets}): a named NAT that scenarios, the schema,
 * the documentation and {@code classify} all take from there.
 *
 * @param name the name scenario files use, such as {@code port-restricted-cone}
 * @param behaviour its settings
 * @param externalAddresses how many external addresses the NAT owns where a scenario places it
 * @param description what it is, in one line
 * @param source where the behaviour comes from: an RFC section, an implementation's documented
 *     settings, a field measurement
 */
public record NatPreset(String name, NatBehaviour behaviour, int externalAddresses, String description, String source) {

    public NatPreset {
        Objects.requireNonNull(behaviour, "behaviour");
        if (name == null || !name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a preset name is lower-case words joined by '-': " + name);
        }
        if (externalAddresses < 1) {
            throw new IllegalArgumentException(name + ": a NAT owns at least one external address");
        }
        // Both are table cells and single output lines.
        for (String text : new String[] {description, source}) {
            if (text == null || text.isBlank() || text.contains("\n") || text.contains("|")) {
                throw new IllegalArgumentException(name + ": description and source are one non-empty line without '|'");
            }
        }
    }

    /**
     * The name and what the NAT does, not its prose: a scenario's content digest is taken from its
     * printed form, and rewording a description must not make two reports look incomparable.
     */
    @Override
    public String toString() {
        return "NatPreset[" + name + ", " + behaviour + ", externalAddresses=" + externalAddresses + "]";
    }
}
