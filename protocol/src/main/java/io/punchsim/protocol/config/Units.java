package io.punchsim.protocol.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How values are written in scenario files and on the command line: durations ({@code 500ms},
 * {@code 1.5s}), fractions ({@code 2/3}, {@code 0.5}, {@code 50%}), rates ({@code 5%},
 * {@code 0.05}) and plain numbers. One grammar, so a value that a scenario accepts is accepted by
 * {@code punchsim host} with the same meaning. Durations and protocol fractions are exact decimal
 * arithmetic ({@code 0.1s} is exactly 100,000,000 ns); rates and probabilities are doubles.
 */
public final class Units {

    /** A number immediately followed by its unit, no space: what {@link #parseDuration} accepts. */
    public static final String DURATION_REGEX = "[0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h)";
    public static final String DURATION_FORM = "a number with a unit: ns, us, ms, s, m or h, e.g. 500ms or 1.5s";
    public static final String FRACTION_FORM = "a decimal like 0.6667, a percentage like 66.7% or a fraction like 2/3";
    public static final String RATE_FORM = "a percentage like 5% or a decimal like 0.05";

    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|ms|s|m|h)");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");
    private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*%");
    private static final Pattern RATIO = Pattern.compile("([0-9]+)\\s*/\\s*([0-9]+)");
    private static final String OUT_OF_UNIT_RANGE = "' is out of range; expected 0..1 (0%..100%)";

    private Units() {}

    /** Nanoseconds; a bare number is refused because its unit would be a guess. */
    public static long parseDuration(String text) {
        String t = text.trim();
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            if (DECIMAL.matcher(t).matches()) {
                throw new ValueException("'" + text + "' has no unit; write a duration as " + DURATION_FORM);
            }
            throw new ValueException("'" + text + "' is not a duration; write " + DURATION_FORM);
        }
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPer(m.group(2))));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new ValueException("'" + text + "' is too long a duration");
        }
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new ValueException("'" + text + "' is finer than a nanosecond");
        }
        return nanos.longValueExact();
    }

    private static long nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException(unit);
        };
    }

    /** Formats nanoseconds in the largest unit that keeps the value whole, e.g. 1500000000 → 1500ms. */
    public static String formatDuration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String[] units = {"h", "m", "s", "ms", "us"};
        long[] sizes = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < units.length; i++) {
            if (nanos % sizes[i] == 0) {
                return (nanos / sizes[i]) + units[i];
            }
        }
        return nanos + "ns";
    }

    /**
     * A fraction in [0, 1], kept exact: {@code 2/3} stays two thirds, {@code 0.3} is 3/10 and
     * {@code 66.7%} is 667/1000, so that {@code n < f × L} is decided without rounding.
     */
    public static Fraction parseFraction(String text) {
        String t = text.trim();
        BigInteger numerator;
        BigInteger denominator;
        Matcher percent = PERCENT.matcher(t);
        Matcher ratio = RATIO.matcher(t);
        if (ratio.matches()) {
            numerator = new BigInteger(ratio.group(1));
            denominator = new BigInteger(ratio.group(2));
            if (denominator.signum() == 0) {
                throw new ValueException("'" + text + "' divides by zero");
            }
        } else if (percent.matches() || DECIMAL.matcher(t).matches()) {
            BigDecimal value = new BigDecimal(percent.matches() ? percent.group(1) : t);
            if (percent.matches()) {
                value = value.movePointLeft(2);
            }
            value = value.stripTrailingZeros();
            int scale = Math.max(0, value.scale());
            if (scale > 9) {
                throw new ValueException("'" + text + "' has more than 9 decimal places; write it as p/q");
            }
            numerator = value.movePointRight(scale).toBigIntegerExact();
            denominator = BigInteger.TEN.pow(scale);
        } else {
            throw new ValueException("'" + text + "' is not " + FRACTION_FORM);
        }
        if (numerator.compareTo(denominator) > 0) {
            throw new ValueException("'" + text + OUT_OF_UNIT_RANGE);
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        if (denominator.bitLength() > 31) {
            throw new ValueException("'" + text + "' needs a denominator above 2^31; write a simpler fraction");
        }
        return new Fraction(numerator.intValueExact(), denominator.intValueExact());
    }

    /** A rate in [0, 1]: {@code 5%} or {@code 0.05}. */
    public static double parseRate(String text) {
        return inUnitRange(text, parseProportion(text));
    }

    /**
     * A percentage or a decimal of any size, range not checked: for a field whose own range is
     * narrower or wider than [0, 1], so its message can name that range.
     */
    public static double parseProportion(String text) {
        String t = text.trim();
        Matcher percent = PERCENT.matcher(t);
        if (percent.matches()) {
            return Double.parseDouble(percent.group(1)) / 100.0;
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        throw new ValueException("'" + text + "' is not " + RATE_FORM);
    }

    private static double inUnitRange(String text, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ValueException("'" + text + OUT_OF_UNIT_RANGE);
        }
        return value;
    }
}
