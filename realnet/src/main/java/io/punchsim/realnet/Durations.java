package io.punchsim.realnet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the scenarios write them: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 250us}. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m)");

    private Durations() {}

    public static long parseNanos(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (e.g. 500ms, 2s): '" + text + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        double unit = switch (m.group(2)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        double nanos = amount * unit;
        if (nanos > Long.MAX_VALUE) {
            throw new IllegalArgumentException("duration too long: '" + text + "'");
        }
        return Math.round(nanos);
    }
}
