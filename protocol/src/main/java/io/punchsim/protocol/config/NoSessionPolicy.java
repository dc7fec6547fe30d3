package io.punchsim.protocol.config;

/**
 * What a client does when the cloud has no open session: retry {@code maxRetries} times, waiting
 * {@code initialBackoff} and doubling up to {@code maxBackoff}; zero retries means fail at once.
 */
public record NoSessionPolicy(int maxRetries, long initialBackoffNanos, long maxBackoffNanos) {

    public static final NoSessionPolicy FAIL = new NoSessionPolicy(0, 1, 1);
    public static final NoSessionPolicy RETRY_DEFAULT = new NoSessionPolicy(10, 250_000_000L, 2_000_000_000L);

    public NoSessionPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries must be >= 0: " + maxRetries);
        }
        if (initialBackoffNanos <= 0 || maxBackoffNanos < initialBackoffNanos) {
            throw new IllegalArgumentException("need 0 < initial back-off <= max back-off");
        }
    }

    /** The wait before retry number {@code retry} (1-based). */
    public long backoff(int retry) {
        int shift = Math.min(retry - 1, 30);
        long b = initialBackoffNanos << shift;
        return b <= 0 || b > maxBackoffNanos ? maxBackoffNanos : b;
    }
}
