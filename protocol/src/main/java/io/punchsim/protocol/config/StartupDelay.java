package io.punchsim.protocol.config;

import java.util.random.RandomGenerator;

/**
 * The start-up delay of step H7/C7: uniform in {@code [min, max]}, drawn from the machine's own
 * random source (a fixed delay when both are equal, which draws nothing).
 */
public record StartupDelay(long minNanos, long maxNanos) {

    public static final StartupDelay NONE = new StartupDelay(0, 0);

    public StartupDelay {
        if (minNanos < 0 || maxNanos < minNanos) {
            throw new IllegalArgumentException("need 0 <= min <= max: " + minNanos + ", " + maxNanos);
        }
    }

    public static StartupDelay fixed(long nanos) {
        return new StartupDelay(nanos, nanos);
    }

    public long draw(RandomGenerator random) {
        return minNanos == maxNanos ? minNanos : random.nextLong(minNanos, maxNanos + 1);
    }
}
