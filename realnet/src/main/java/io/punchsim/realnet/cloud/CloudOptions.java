package io.punchsim.realnet.cloud;

import io.punchsim.protocol.cloud.CloudLimits;
import io.punchsim.protocol.config.Units;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The options only the real {@code serve-cloud} has, declared once: the caps and limits of
 * {@link CloudLimits} (the simulator runs with their defaults), how often it prints its tables'
 * sizes, and how many step lines it prints per second. {@code RealnetMain} and the
 * {@code punchsim} command both derive their flags and help from this list. The cloud's lifetimes
 * that the simulator shares (the member lifetime) are protocol parameters instead.
 */
public final class CloudOptions {

    /** Everything a {@code serve-cloud} is told besides its address and the protocol parameters. */
    public record Settings(CloudLimits limits, long statusIntervalNanos, int stepLinesPerSecond) {
        public static final Settings DEFAULTS = new Settings(CloudLimits.DEFAULTS, 60_000_000_000L, 200);
    }

    /**
     * One option.
     *
     * @param name e.g. {@code --max-sessions}
     * @param label the value's placeholder
     * @param defaultText the default as written on the command line
     * @param description one line for the help
     */
    public record Option(String name, String label, String defaultText, String description,
                         BiConsumer<Builder, String> setter) {
        /** The help line, with the default. */
        public String help() {
            return description + " (default " + defaultText + ")";
        }
    }

    public static final List<Option> ALL = List.of(
            count("--max-sessions", CloudLimits.DEFAULTS.maxSessions(),
                    "sessions held at once; when full, the oldest whose host never joined makes room",
                    (b, n) -> b.maxSessions = n),
            count("--sessions-per-source", CloudLimits.DEFAULTS.sessionsPerSource(),
                    "sessions created from one IP address and held at once",
                    (b, n) -> b.sessionsPerSource = n),
            count("--max-endpoints", CloudLimits.DEFAULTS.maxChannels(),
                    "remote endpoints (each with its signalling) held at once; the longest silent non-member makes room",
                    (b, n) -> b.maxChannels = n),
            count("--max-props-bytes", CloudLimits.DEFAULTS.maxPropsBytes(),
                    "encoded size of a session's properties, merged from its creation and joins",
                    (b, n) -> b.maxPropsBytes = n),
            new Option("--reservation-lifetime", "DURATION", Units.formatDuration(CloudLimits.DEFAULTS.reservationLifetimeNanos()),
                    "how long a session JoinRandom handed to a client stays reserved for it",
                    (b, text) -> b.reservationLifetime = positiveDuration("--reservation-lifetime", text)),
            count("--reservations-per-source", CloudLimits.DEFAULTS.reservationsPerSource(),
                    "reservations one IP address holds at once",
                    (b, n) -> b.reservationsPerSource = n),
            new Option("--unproven-retransmits", "N", Integer.toString(CloudLimits.DEFAULTS.unprovenRetransmitsPerMinute()),
                    "retransmissions per minute and IP address toward endpoints that have not joined a session (0: none; "
                            + "past them an answer goes again only when its request does); the budgets of --max-endpoints "
                            + "addresses are remembered, and while all of them are refilling a new address gets none",
                    (b, text) -> b.unprovenRetransmits = number("--unproven-retransmits", text, 0)),
            new Option("--status-interval", "DURATION", Units.formatDuration(Settings.DEFAULTS.statusIntervalNanos()),
                    "between lines with the sizes of the cloud's tables and what it dropped (0s: never)",
                    (b, text) -> b.statusInterval = duration("--status-interval", text)),
            new Option("--step-lines-per-second", "N", Integer.toString(Settings.DEFAULTS.stepLinesPerSecond()),
                    "step lines printed per second at most; the others are counted in the status line (0: none)",
                    (b, text) -> b.stepLines = number("--step-lines-per-second", text, 0)));

    private CloudOptions() {}

    public static Set<String> names() {
        return ALL.stream().map(Option::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The settings {@code values} (option name to text) give, the defaults elsewhere.
     *
     * @throws IllegalArgumentException naming the option, for a value that does not parse or is out of range
     */
    public static Settings toSettings(Map<String, String> values) {
        Builder b = new Builder();
        for (Option option : ALL) {
            String text = values.get(option.name());
            if (text != null) {
                option.setter().accept(b, text);
            }
        }
        return new Settings(new CloudLimits(b.maxSessions, b.sessionsPerSource, b.maxChannels, b.maxPropsBytes,
                b.reservationLifetime, b.reservationsPerSource, b.unprovenRetransmits), b.statusInterval, b.stepLines);
    }

    /** The values being collected, starting from the defaults. */
    public static final class Builder {
        private int maxSessions = CloudLimits.DEFAULTS.maxSessions();
        private int sessionsPerSource = CloudLimits.DEFAULTS.sessionsPerSource();
        private int maxChannels = CloudLimits.DEFAULTS.maxChannels();
        private int maxPropsBytes = CloudLimits.DEFAULTS.maxPropsBytes();
        private long reservationLifetime = CloudLimits.DEFAULTS.reservationLifetimeNanos();
        private int reservationsPerSource = CloudLimits.DEFAULTS.reservationsPerSource();
        private int unprovenRetransmits = CloudLimits.DEFAULTS.unprovenRetransmitsPerMinute();
        private long statusInterval = Settings.DEFAULTS.statusIntervalNanos();
        private int stepLines = Settings.DEFAULTS.stepLinesPerSecond();

        private Builder() {}
    }

    private interface IntSetter {
        void set(Builder b, int n);
    }

    private static Option count(String name, int defaultValue, String description, IntSetter setter) {
        return new Option(name, "N", Integer.toString(defaultValue), description,
                (b, text) -> setter.set(b, number(name, text, 1)));
    }

    private static int number(String name, String text, int min) {
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a whole number: '" + text + "'");
        }
        if (n < min) {
            throw new IllegalArgumentException(name + ": " + n + " is out of range (at least " + min + ")");
        }
        return n;
    }

    private static long duration(String name, String text) {
        try {
            return Units.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    private static long positiveDuration(String name, String text) {
        long nanos = duration(name, text);
        if (nanos <= 0) {
            throw new IllegalArgumentException(name + ": must be longer than 0");
        }
        return nanos;
    }
}
