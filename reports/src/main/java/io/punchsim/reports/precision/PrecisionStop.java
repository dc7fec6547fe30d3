package io.punchsim.reports.precision;

/**
 * Where a point run to a {@link Precision} stopped, and why.
 *
 * @param seeds   the seeds it ran (runs {@code 0..seeds-1})
 * @param batches the batches they make, the last possibly cut short by the cap or an interruption
 */
public record PrecisionStop(long seeds, long batches, Reason reason) {

    public enum Reason {
        /** Every listed rate's half-width was at most the target after the last batch. */
        PRECISE("precise"),
        /** max-seeds ran before the target was met. */
        MAX_SEEDS("max-seeds"),
        /** The run was interrupted; the last batch may be incomplete. */
        INTERRUPTED("interrupted");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        /** The word in {@code report.json}. */
        public String key() {
            return key;
        }

        public static Reason parse(String key) {
            for (Reason r : values()) {
                if (r.key.equals(key)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown stop reason '" + key + "'");
        }
    }

    public PrecisionStop {
        if (seeds < 0 || batches < 0 || reason == null) {
            throw new IllegalArgumentException("a stop needs seeds >= 0, batches >= 0 and a reason");
        }
    }
}
