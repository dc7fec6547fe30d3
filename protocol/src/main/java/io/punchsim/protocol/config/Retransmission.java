package io.punchsim.protocol.config;

/**
 * The one retransmission schedule of the protocol (signalling, the peers' STUN requests, STUN
 * client transactions and NAT behaviour discovery), run by {@code runtime.Retransmitter}: send, wait {@code initialRto}, resend, wait twice as long, … up to
 * {@code maxTransmissions} sends, then wait {@code finalWait} for an answer before giving up.
 * With STUN's defaults (500 ms, 7, 8 s) requests leave at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s and
 * the transaction fails at 39.5 s (RFC 8489, section 6.2.1).
 */
public record Retransmission(long initialRtoNanos, int maxTransmissions, long finalWaitNanos) {

    public static final Retransmission STUN_DEFAULT = new Retransmission(500_000_000L, 7, 8_000_000_000L);
    public static final Retransmission CLOUD_DEFAULT = new Retransmission(250_000_000L, 6, 8_000_000_000L);

    public Retransmission {
        if (initialRtoNanos <= 0) {
            throw new IllegalArgumentException("initial RTO must be positive: " + initialRtoNanos);
        }
        if (maxTransmissions < 1 || maxTransmissions > 30) {
            throw new IllegalArgumentException("transmissions must be 1..30: " + maxTransmissions);
        }
        if (initialRtoNanos > Long.MAX_VALUE >> maxTransmissions) {
            throw new IllegalArgumentException("RTO doubled " + maxTransmissions + " times overflows");
        }
        if (finalWaitNanos <= 0) {
            throw new IllegalArgumentException("final wait must be positive: " + finalWaitNanos);
        }
    }

    /** When transmission {@code index} (0-based) goes out, relative to the first. */
    public long sendOffsetNanos(int index) {
        long offset = 0;
        for (int sent = 1; sent <= index; sent++) {
            offset += waitAfter(sent);
        }
        return offset;
    }

    /** From the first transmission until giving up. */
    public long totalSpanNanos() {
        long total = 0;
        for (int sent = 1; sent <= maxTransmissions; sent++) {
            total += waitAfter(sent);
        }
        return total;
    }

    /** How long to wait after the {@code sent}-th transmission (1-based) before the next step. */
    public long waitAfter(int sent) {
        return sent >= maxTransmissions ? finalWaitNanos : initialRtoNanos << (sent - 1);
    }
}
