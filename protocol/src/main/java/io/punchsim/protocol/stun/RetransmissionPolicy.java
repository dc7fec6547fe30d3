package io.punchsim.protocol.stun;

/**
 * STUN over UDP retransmission (RFC 8489 section 6.2.1): a request at 0, then again after RTO,
 * 2·RTO, 4·RTO... until {@code maxRequests} have been sent; the transaction fails
 * {@code finalWaitMultiplier}·RTO after the last one.
 *
 * @param initialRtoNanos the first retransmission timeout (RFC default 500 ms)
 * @param maxRequests Rc, the number of requests sent in all (RFC default 7)
 * @param finalWaitMultiplier Rm, the wait after the last request in initial RTOs (RFC default 16)
 */
public record RetransmissionPolicy(long initialRtoNanos, int maxRequests, int finalWaitMultiplier) {

    public static final RetransmissionPolicy RFC_8489 = new RetransmissionPolicy(500_000_000L, 7, 16);

    public RetransmissionPolicy {
        if (initialRtoNanos <= 0 || maxRequests < 1 || finalWaitMultiplier < 1) {
            throw new IllegalArgumentException("RTO, Rc and Rm must be positive: " + initialRtoNanos + ", " + maxRequests + ", " + finalWaitMultiplier);
        }
        if (maxRequests > 32) {
            throw new IllegalArgumentException("Rc above 32 would overflow the doubling RTO: " + maxRequests);
        }
    }

    /** When request {@code index} (0-based) goes out, relative to the first. */
    public long sendOffsetNanos(int index) {
        return initialRtoNanos * ((1L << index) - 1);
    }

    /** When the transaction gives up, relative to the first request. */
    public long timeoutOffsetNanos() {
        return sendOffsetNanos(maxRequests - 1) + finalWaitMultiplier * initialRtoNanos;
    }
}
