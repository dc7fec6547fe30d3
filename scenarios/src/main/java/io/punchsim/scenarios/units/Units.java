package io.punchsim.scenarios.units;

import io.punchsim.protocol.config.ValueException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human units of scenario files: durations ({@code 500ms}, {@code 1.5s}) in the protocol's own
 * grammar, so a file and the real-network flags read a value alike, and rates ({@code 5%} or
 * {@code 0.05}) and fractions ({@code 2/3}) as probabilities.
 */
public final class Units {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");
    private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*%");
    private static final Pattern FRACTION = Pattern.compile("([0-9]+)\\s*/\\s*([0-9]+)");

    public static final String DURATION_FORM = io.punchsim.protocol.config.Units.DURATION_FORM;
    public static final String RATE_FORM = "a percentage like 5% or a decimal like 0.05";
    public static final String FRACTION_FORM = "a decimal like 0.6667, a percentage like 66.7% or a fraction like 2/3";

    private Units() {
    }

    /** Parses a duration into nanoseconds, in the one grammar the protocol's parameters use. */
    public static long parseDuration(String text) {
        try {
            return io.punchsim.protocol.config.Units.parseDuration(text);
        } catch (ValueException e) {
            throw new UnitException(e.getMessage());
        }
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
        return io.punchsim.protocol.config.Units.formatDuration(nanos);
    }
}
