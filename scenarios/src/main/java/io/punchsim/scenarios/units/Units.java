package io.punchsim.scenarios.units;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human units of scenario files: durations ({@code 500ms}, {@code 1.5s}), rates ({@code 5%} or
 * {@code 0.05}) and fractions ({@code 2/3}). Parsing is exact decimal arithmetic so that
 * {@code 0.1s} is exactly 100,000,000 ns.
 */
public final class Units {

    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ns|us|ms|s|m|h)");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");
    private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*%");
    private static final Pattern FRACTION = Pattern.compile("([0-9]+)\\s*/\\s*([0-9]+)");

    public static final String DURATION_FORM = "a number with a unit: ns, us, ms, s, m or h, e.g. 500ms or 1.5s";
    public static final String RATE_FORM = "a percentage like 5% or a decimal like 0.05";
    public static final String FRACTION_FORM = "a decimal like 0.6667, a percentage like 66.7% or a fraction like 2/3";

    private Units() {
    }

    /** Parses a duration into nanoseconds; a bare number is refused because its unit would be a guess. */
    public static long parseDuration(String text) {
        String t = text.trim();
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            if (DECIMAL.matcher(t).matches()) {
                throw new UnitException("'" + text + "' has no unit; write a duration as " + DURATION_FORM);
            }
            throw new UnitException("'" + text + "' is not a duration; write " + DURATION_FORM);
        }
        BigDecimal value = new BigDecimal(m.group(1));
        BigDecimal nanos = value.multiply(BigDecimal.valueOf(nanosPer(m.group(2))));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new UnitException("'" + text + "' is too long a duration");
        }
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new UnitException("'" + text + "' is finer than a nanosecond");
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

    /** Parses a rate in [0, 1]: {@code 5%} or {@code 0.05}. */
    public static double parseRate(String text) {
        double value = parseUnitInterval(text, RATE_FORM, false);
        return value;
    }

    /** Parses a fraction in [0, 1]: a decimal, a percentage or {@code p/q}. */
    public static double parseFraction(String text) {
        return parseUnitInterval(text, FRACTION_FORM, true);
    }

    private static double parseUnitInterval(String text, String form, boolean allowRatio) {
        String t = text.trim();
        double value;
        Matcher percent = PERCENT.matcher(t);
        Matcher ratio = FRACTION.matcher(t);
        if (percent.matches()) {
            value = Double.parseDouble(percent.group(1)) / 100.0;
        } else if (allowRatio && ratio.matches()) {
            double denominator = Double.parseDouble(ratio.group(2));
            if (denominator == 0) {
                throw new UnitException("'" + text + "' divides by zero");
            }
            value = Double.parseDouble(ratio.group(1)) / denominator;
        } else if (DECIMAL.matcher(t).matches()) {
            value = Double.parseDouble(t);
        } else {
            throw new UnitException("'" + text + "' is not " + form);
        }
        if (value < 0 || value > 1) {
            throw new UnitException("'" + text + "' is out of range; expected 0..1 (0%..100%)");
        }
        return value;
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
}
