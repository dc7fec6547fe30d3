package io.punchsim.protocol.config;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One parameter of the connection process, declared once in {@link ProtocolParameters}: the
 * scenario binder, the JSON Schema, the docs and the real-network flags are all derived from it.
 *
 * @param key         the scenario key under {@code protocol:}, dotted for nested keys
 *                    ({@code game-phase.tick-rate}); for a {@link Scope#PEER} parameter, the key
 *                    under {@code host:} and {@code client:}; for a {@link Scope#SESSION} one, under
 *                    {@code session:}
 * @param type        how the value is written and its range
 * @param defaultValue the default; {@code null} when the default follows another parameter
 * @param defaultText the default as the docs write it
 * @param description one line for the docs and the help
 * @param why         why the default is what it is
 * @param scope       where a scenario gives it
 * @param setter      how it sets the config being built
 * @param getter      how it is read back from a config
 */
public record Parameter<T>(String key, ValueType<T> type, T defaultValue, String defaultText, String description,
                           String why, Scope scope, BiConsumer<ProtocolConfig.Builder, T> setter,
                           Function<ProtocolConfig, T> getter) {

    /** Where a scenario file gives the parameter. */
    public enum Scope {
        /** Under {@code protocol:}, the same for both peers. */
        PROTOCOL,
        /**
         * Under {@code host:} and {@code client:}, each peer its own, written there as any latency
         * distribution and drawn per run by the simulator; a real peer takes the flag.
         */
        PEER,
        /**
         * Under {@code session:}, beside the scenario's number of clients: how the game session
         * is set up, which the cloud enforces. Its flag is {@code --session-KEY}.
         */
        SESSION
    }

    private static final String VARIANTS = "variants.";

    /**
     * The real-network flag: the key's words joined by dashes, {@code game-phase.tick-rate} is
     * {@code --game-phase-tick-rate}; variants are named by themselves ({@code --peer-reflexive}).
     */
    public String flag() {
        String name = key.startsWith(VARIANTS) ? key.substring(VARIANTS.length()) : key;
        return "--" + (scope == Scope.SESSION ? "session-" : "") + name.replace('.', '-');
    }

    /** The key as a scenario file writes it from its top: {@code protocol.attempt-interval}, {@code session.capacity}. */
    public String path() {
        return switch (scope) {
            case PROTOCOL -> "protocol." + key;
            case SESSION -> "session." + key;
            case PEER -> "host." + key;
        };
    }

    /** A switch takes no value on the command line: giving the flag turns it on. */
    public boolean isSwitch() {
        return type instanceof ValueType.Switch;
    }

    /** Reads {@code text} (parse and range check) and sets the value; a {@link ValueException} says why not. */
    public void setText(ProtocolConfig.Builder builder, String text) {
        setter.accept(builder, type.read(text));
    }

    public void set(ProtocolConfig.Builder builder, T value) {
        setter.accept(builder, value);
    }

    /** Sets in {@code to} the value {@code from} holds. */
    void copy(ProtocolConfig from, ProtocolConfig.Builder to) {
        setter.accept(to, getter.apply(from));
    }

    /** Sets the default, unless the default follows another parameter (the builder knows how). */
    void applyDefault(ProtocolConfig.Builder builder) {
        if (defaultValue != null) {
            setter.accept(builder, defaultValue);
        }
    }

    /** The value in {@code config}, as it would be written. */
    public String formatIn(ProtocolConfig config) {
        return type.format(getter.apply(config));
    }

    /** Why {@code config} holds a value of this parameter outside its range, if it does. */
    java.util.Optional<String> problemIn(ProtocolConfig config) {
        return problemWith(getter.apply(config));
    }

    /** What is wrong with {@code value} as this row's value (null is no value); empty when nothing is. */
    public java.util.Optional<String> problemWith(T value) {
        if (value == null) {
            return java.util.Optional.of(key + ": no value");
        }
        // Formatting costs more than the check, and configs are built per run: format only to explain.
        if (type.outOfRange(value, "").isEmpty()) {
            return java.util.Optional.empty();
        }
        return type.outOfRange(value, type.format(value)).map(p -> key + ": " + p);
    }
}
