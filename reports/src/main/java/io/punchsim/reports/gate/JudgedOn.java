package io.punchsim.reports.gate;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a rate gate compares with its bound: the point estimate, or the end of the Wilson 95% interval
 * on the conservative side (the lower end for at-least, the upper end for at-most), which passes
 * only when the data show the bound is met. Gates on values without an interval (times, means) are
 * judged on the estimate either way.
 */
public enum JudgedOn {
    ESTIMATE("estimate"),
    INTERVAL("interval");

    private final String key;

    JudgedOn(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static JudgedOn parse(String key) {
        for (JudgedOn j : values()) {
            if (j.key.equals(key)) {
                return j;
            }
        }
        throw new IllegalArgumentException("unknown gate judgement '" + key + "'; known: "
                + Arrays.stream(values()).map(JudgedOn::key).collect(Collectors.joining(", ")));
    }
}
