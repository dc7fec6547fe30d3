package io.punchsim.reports.gate;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the measured value must stand against the bound. */
public enum GateOperator {
    AT_LEAST("at-least", ">="),
    AT_MOST("at-most", "<=");

    private final String key;
    private final String symbol;

    GateOperator(String key, String symbol) {
        this.key = key;
        this.symbol = symbol;
    }

    public String key() {
        return key;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double measured, double bound) {
        return this == AT_LEAST ? measured >= bound : measured <= bound;
    }

    public static GateOperator parse(String key) {
        for (GateOperator o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown gate comparison '" + key + "'; known: "
                + Arrays.stream(values()).map(GateOperator::key).collect(Collectors.joining(", ")));
    }
}
