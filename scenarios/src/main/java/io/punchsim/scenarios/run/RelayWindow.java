package io.punchsim.scenarios.run;

import io.punchsim.protocol.config.ProtocolConfig;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the client's relay attempts can reach a host that is still listening. The client's first
 * relay attempt leaves {@code n × T} after K1, where n is the first attempt with {@code n ≥ f × L}
 * (0 with parallel-relay); the host stops answering {@code listen-timeout} after K2, which the cloud
 * sends with K1. An attempt that leaves at or after that instant reaches a host that has stopped
 * listening, whatever the latencies, so such a setting relays nothing: every run that needs the
 * relay fails (ATTEMPTS_EXHAUSTED).
 */
public final class RelayWindow {
    private RelayWindow() {}

    /** The index of the client's first relay attempt, or -1 when every attempt is direct. */
    public static int firstRelayAttempt(ProtocolConfig config) {
        if (config.parallelRelay()) {
            return 0;
        }
        for (int n = 0; n < config.attemptLimit(); n++) {
            if (!config.directFraction().exceeds(n, config.attemptLimit())) {
                return n;
            }
        }
        return -1;
    }

    /** Why no relayed connection can succeed with these settings, if none can. */
    public static Optional<String> problem(ProtocolConfig config) {
        int first = firstRelayAttempt(config);
        if (first < 0) {
            return Optional.empty();
        }
        long leaves = first * config.attemptIntervalNanos();
        if (leaves < config.listenTimeoutNanos()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the first relay attempt (attempt %d) leaves %s after K1, but the host stops"
                + " listening %s after K2 (listen-timeout), so no relayed connection can succeed; raise"
                + " protocol.listen-timeout above %s, or shorten protocol.attempt-interval or protocol.attempt-limit",
                first, seconds(leaves), seconds(config.listenTimeoutNanos()), seconds(leaves)));
    }

    private static String seconds(long nanos) {
        return new java.math.BigDecimal(nanos).movePointLeft(9).stripTrailingZeros().toPlainString() + " s";
    }
}
