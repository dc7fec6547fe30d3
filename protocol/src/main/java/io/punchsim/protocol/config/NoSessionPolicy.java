package io.punchsim.protocol.config;

/**
 * What a client does when the cloud has no open session: retry {@code maxRetries} times, waiting
 * {@code initialBackoff} and doubling up to {@code maxBackoff}; zero retries means fail at once.
 * The cap never shortens the first wait, so any pair of the two durations is a valid policy.
 */
public record NoSessionPolicy(int maxRetries, long initialBackoffNanos, long maxBackoffNanos) {

    public NoSessionPolicy {
        if (maxRetries < 0 || initialBackoffNanos < 0 || maxBackoffNanos < 0) {
            throw new IllegalArgumentException("retries and back-offs must be >= 0: "
                    + maxRetries + ", " + initialBackoffNanos + ", " + maxBackoffNanos);
        }
    }

    /** The wait before retry number {@code retry} (1-based). */
    public long backoff(int retry) {
        long cap = Math.max(maxBackoffNanos, initialBackoffNanos);
        int shift = Math.min(Math.max(retry - 1, 0), 62);
        if (initialBackoffNanos == 0) {
            return 0;
        }
        if (initialBackoffNanos > cap >> shift) {
            return cap;
        }
        return initialBackoffNanos << shift;
    }
}
