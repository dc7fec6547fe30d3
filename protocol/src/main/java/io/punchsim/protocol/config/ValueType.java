package io.punchsim.protocol.config;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The type of a protocol parameter: how its value is written, its range, and how it reads in the
 * docs. A front end (the scenario binder, the real-network flags) hands over the text and says
 * where it came from; the words of every message are the same everywhere.
 *
 * @param <T> the value held in {@link ProtocolConfig}
 */
public sealed interface ValueType<T> {

    /** What a YAML value must look like, for the binder's and the JSON Schema's checks. */
    enum Shape { NUMBER, BOOLEAN, TEXT }

    Shape shape();

    /** The value written as {@code text}, range not checked. */
    T parse(String text);

    /** Why {@code value} is outside the range, if it is; {@code text} is how the user wrote it. */
    Optional<String> outOfRange(T value, String text);

    /** The value as it would be written. */
    String format(T value);

    /** The type's name in the docs: duration, count, number, fraction, switch. */
    String name();

    /** The range as the docs write it, e.g. {@code 1ms..60s}; empty when there is none. */
    String range();

    /** Parses and range-checks in one step, as every front end does. */
    default T read(String text) {
        T value = parse(text);
        Optional<String> problem = outOfRange(value, text.trim());
        if (problem.isPresent()) {
            throw new ValueException(problem.get());
        }
        return value;
    }

    private static Optional<String> outside(String text, String range) {
        return Optional.of("out of range: " + text + " is not within " + range);
    }

    /** Nanoseconds within {@code [min, max]}. */
    record Duration(long min, long max) implements ValueType<Long> {
        @Override public Shape shape() { return Shape.TEXT; }
        @Override public Long parse(String text) { return Units.parseDuration(text); }
        @Override public Optional<String> outOfRange(Long value, String text) {
            return value < min || value > max ? outside(text, range()) : Optional.empty();
        }
        @Override public String format(Long value) { return Units.formatDuration(value); }
        @Override public String name() { return "duration"; }
        @Override public String range() { return Units.formatDuration(min) + ".." + Units.formatDuration(max); }
    }

    /** A whole number within {@code [min, max]}. */
    record Count(int min, int max) implements ValueType<Integer> {
        @Override public Shape shape() { return Shape.NUMBER; }
        @Override public Integer parse(String text) {
            String t = text.trim().replace("_", "");
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new ValueException(t.matches("-?[0-9]+")
                        ? "out of range: " + text.trim() + " is not within " + range()
                        : "expected a whole number in " + range() + "; got '" + text.trim() + "'");
            }
        }
        @Override public Optional<String> outOfRange(Integer value, String text) {
            return value < min || value > max ? outside(text, range()) : Optional.empty();
        }
        @Override public String format(Integer value) { return Integer.toString(value); }
        @Override public String name() { return "count"; }
        @Override public String range() { return min + ".." + max; }
    }

    /** A real number in {@code (min, max]} or {@code [min, max]}. */
    record Real(double min, double max, boolean minExclusive) implements ValueType<Double> {
        @Override public Shape shape() { return Shape.NUMBER; }
        @Override public Double parse(String text) {
            try {
                double value = Double.parseDouble(text.trim());
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new ValueException("expected a number in " + range() + "; got '" + text.trim() + "'");
            }
        }
        @Override public Optional<String> outOfRange(Double value, String text) {
            boolean below = minExclusive ? value <= min : value < min;
            return below || value > max ? outside(text, range()) : Optional.empty();
        }
        @Override public String format(Double value) { return plain(value); }
        @Override public String name() { return "number"; }
        @Override public String range() { return (minExclusive ? "(" : "[") + plain(min) + ", " + plain(max) + "]"; }

        private static String plain(double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }

    /** An exact fraction in [0, 1]. */
    record Share() implements ValueType<Fraction> {
        @Override public Shape shape() { return Shape.TEXT; }
        @Override public Fraction parse(String text) { return Units.parseFraction(text); }
        @Override public Optional<String> outOfRange(Fraction value, String text) { return Optional.empty(); }
        @Override public String format(Fraction value) { return value.toString(); }
        @Override public String name() { return "fraction"; }
        @Override public String range() { return "0..1"; }
    }

    /** On or off; off by default, so that on the command line it is a switch without a value. */
    record Switch() implements ValueType<Boolean> {
        @Override public Shape shape() { return Shape.BOOLEAN; }
        @Override public Boolean parse(String text) {
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "on" -> true;
                case "false", "off" -> false;
                default -> throw new ValueException("expected true or false; got '" + text.trim() + "'");
            };
        }
        @Override public Optional<String> outOfRange(Boolean value, String text) { return Optional.empty(); }
        @Override public String format(Boolean value) { return value.toString(); }
        @Override public String name() { return "switch"; }
        @Override public String range() { return ""; }
    }

    /**
     * A start-up delay: one duration, or {@code MIN..MAX} drawn uniformly, each within
     * {@code [0, max]}. A scenario gives a peer's delay as any latency distribution instead.
     */
    record DelayRange(long max) implements ValueType<StartupDelay> {
        @Override public Shape shape() { return Shape.TEXT; }
        @Override public StartupDelay parse(String text) {
            String t = text.trim();
            int dots = t.indexOf("..");
            if (dots < 0) {
                return StartupDelay.fixed(Units.parseDuration(t));
            }
            long low = Units.parseDuration(t.substring(0, dots));
            long high = Units.parseDuration(t.substring(dots + 2));
            if (low > high) {
                throw new ValueException("'" + t + "': the low end is above the high end");
            }
            return new StartupDelay(low, high);
        }
        @Override public Optional<String> outOfRange(StartupDelay value, String text) {
            return value.maxNanos() > max ? outside(text, range()) : Optional.empty();
        }
        @Override public String format(StartupDelay value) {
            return value.minNanos() == value.maxNanos() ? Units.formatDuration(value.minNanos())
                    : Units.formatDuration(value.minNanos()) + ".." + Units.formatDuration(value.maxNanos());
        }
        @Override public String name() { return "duration or MIN..MAX"; }
        @Override public String range() { return "0s.." + Units.formatDuration(max); }
    }
}
