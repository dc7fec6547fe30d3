package io.punchsim.reports.outcome;

import java.util.List;

/**
 * What one simulated game session produced: one run outcome per client (a client is the unit of
 * the per-run metrics) and what only the session as a whole has.
 *
 * @param seed                the run's seed
 * @param clients             each client's outcome, by client index; the host's own packets and the
 *                            cloud's relayed bytes are counted once, in client 0's, so sums over the
 *                            clients are the session's
 * @param lastConnectNanos    from the start of the session (virtual time 0) to the accepted
 *                            connection of its last client; -1 when a client did not connect
 * @param relayedBytes        bytes the cloud relayed for the whole session
 * @param hostNatPeakMappings the most mappings the host's own NAT (the first one out from the host)
 *                            held at once; 0 when the host has none
 */
public record SessionOutcome(long seed, List<RunOutcome> clients, long lastConnectNanos, long relayedBytes,
                             int hostNatPeakMappings) {

    public SessionOutcome {
        clients = List.copyOf(clients);
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("a session has at least one client (seed " + seed + ")");
        }
        if ((lastConnectNanos < 0) != anyFailed(clients) || lastConnectNanos < -1) {
            throw new IllegalArgumentException("the last connect time is -1 exactly when a client failed (seed " + seed + ")");
        }
        if (relayedBytes < 0 || hostNatPeakMappings < 0) {
            throw new IllegalArgumentException("relayed bytes and mappings are non-negative (seed " + seed + ")");
        }
    }

    /** A session of one client, whose relayed bytes are the session's, with no NAT state known. */
    public static SessionOutcome of(RunOutcome only, long lastConnectNanos, int hostNatPeakMappings) {
        return new SessionOutcome(only.seed(), List.of(only), lastConnectNanos, only.relayedBytes(), hostNatPeakMappings);
    }

    /** Every client connected directly. */
    public boolean allDirect() {
        return count(clients, Outcome.DIRECT) == clients.size();
    }

    /** At least one client connected through the relay. */
    public boolean anyRelayed() {
        return count(clients, Outcome.RELAYED) > 0;
    }

    /** At least one client did not connect. */
    public boolean anyFailed() {
        return anyFailed(clients);
    }

    private static boolean anyFailed(List<RunOutcome> clients) {
        return count(clients, Outcome.FAILED) > 0;
    }

    /** Clients with {@code outcome}; a plain loop, as an aggregate asks three times per session. */
    private static int count(List<RunOutcome> clients, Outcome outcome) {
        int count = 0;
        for (int i = 0; i < clients.size(); i++) {
            if (clients.get(i).outcome() == outcome) {
                count++;
            }
        }
        return count;
    }
}
