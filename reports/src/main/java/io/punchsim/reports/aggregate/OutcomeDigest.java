package io.punchsim.reports.aggregate;

import io.punchsim.reports.outcome.RunOutcome;
import io.punchsim.reports.outcome.TrafficKind;

/**
 * A fingerprint of a set of run outcomes that does not depend on the order they were added or
 * merged: the sum (mod 2^64) of one 64-bit hash of each run and the XOR of another. Equal digests
 * mean, with overwhelming probability, equal multisets of runs, whatever the thread count.
 */
public record OutcomeDigest(long sum, long xor) {

    public static final OutcomeDigest EMPTY = new OutcomeDigest(0, 0);

    public OutcomeDigest plus(OutcomeDigest other) {
        return new OutcomeDigest(sum + other.sum, xor ^ other.xor);
    }

    /** Both halves as 32 hex digits, e.g. for reports and logs. */
    public String hex() {
        return String.format("%016x%016x", sum, xor);
    }

    /** Parses {@link #hex()}. */
    public static OutcomeDigest parseHex(String hex) {
        if (hex.length() != 32) {
            throw new IllegalArgumentException("digest must be 32 hex digits: " + hex);
        }
        return new OutcomeDigest(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    private static final TrafficKind[] KINDS = TrafficKind.values();

    static long hash(RunOutcome run, long key) {
        long h = key;
        h = step(h, run.seed());
        h = step(h, run.outcome().ordinal());
        h = step(h, run.failureReason().ordinal());
        h = step(h, run.connectNanosFromK1());
        h = step(h, run.connectNanosFromStart());
        h = step(h, run.attemptIndex());
        h = step(h, stringHash(run.hostNat()));
        h = step(h, stringHash(run.clientNat()));
        for (int k = 0; k < TrafficKind.COUNT; k++) {
            long packets = run.traffic().packets()[k];
            long bytes = run.traffic().bytes()[k];
            if (KINDS[k].alwaysDigested()) {
                h = step(h, packets);
                h = step(h, bytes);
            } else if (packets != 0 || bytes != 0) {
                h = step(h, k);
                h = step(h, packets);
                h = step(h, bytes);
            }
        }
        h = step(h, run.relayedBytes());
        h = step(h, run.rtt().path().ordinal());
        h = step(h, run.rtt().samples());
        h = step(h, run.rtt().sumNanos());
        h = step(h, run.rtt().maxNanos());
        // Only upgraded runs (relay-first) hash these, so every other run's digest is as before.
        if (run.upgraded()) {
            h = step(h, run.upgradeNanosFromK1());
            h = step(h, run.rttBeforeUpgrade().samples());
            h = step(h, run.rttBeforeUpgrade().sumNanos());
            h = step(h, run.rttBeforeUpgrade().maxNanos());
        }
        return finish(h);
    }

    // String.hashCode is specified by the language, so the digest is the same on every JVM.
    private static long stringHash(String s) {
        return ((long) s.hashCode() << 32) ^ s.length();
    }

    private static long step(long h, long value) {
        return Long.rotateLeft(h ^ (value * 0x9E3779B97F4A7C15L), 27) * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    }

    // MurmurHash3's 64-bit finaliser.
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
