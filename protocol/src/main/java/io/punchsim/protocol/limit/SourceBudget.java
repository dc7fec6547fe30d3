package io.punchsim.protocol.limit;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * A budget per source address: at most {@code burst} uses at once, refilled at {@code burst} per
 * {@code period}, each address on its own (a generic cell rate algorithm: one theoretical time
 * per address, no counters to refill). Time is whatever clock the owner is handed, so the
 * simulator and real sockets behave alike.
 *
 * <p>The table is bounded at {@code maxSources} addresses, so no stream of sources makes it grow.
 * An address is forgotten only once its budget is whole again, since forgetting it earlier would
 * hand it a fresh burst: a stream of other sources (spoofed ones cost nothing) could then renew
 * the budget of the address they aim at. When the table is full, the addresses whose budget is
 * whole make room; when none is, a new address gets nothing until one is: the budget fails
 * closed. To hold every place shut, a stream of sources must keep all {@code maxSources} budgets
 * from refilling, one use per address every {@code period / burst}.
 */
public final class SourceBudget {

    private final int burst;
    private final long intervalNanos;
    private final long spanNanos;
    private final int maxSources;
    /** Per address, when its budget is next whole again; access order, so the eldest is least recent. */
    private final LinkedHashMap<Integer, long[]> full;
    /** When the whole table was last searched for budgets that are whole, to make room. */
    private long searchedAt;
    private boolean searched;

    /**
     * @param burst uses an address may make at once (0: none ever)
     * @param periodNanos in which {@code burst} uses come back
     * @param maxSources addresses remembered at once
     */
    public SourceBudget(int burst, long periodNanos, int maxSources) {
        if (burst < 0 || periodNanos <= 0 || maxSources < 1) {
            throw new IllegalArgumentException("burst " + burst + ", period " + periodNanos + ", sources " + maxSources);
        }
        this.burst = burst;
        this.intervalNanos = burst == 0 ? periodNanos : Math.max(1, periodNanos / burst);
        this.spanNanos = intervalNanos * burst;
        this.maxSources = maxSources;
        this.full = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Takes one use for {@code address} at {@code now}; false if its budget is spent. */
    public boolean take(int address, long now) {
        if (burst == 0) {
            return false;
        }
        long[] wholeAt = full.get(address);
        long from = wholeAt == null ? now : Math.max(wholeAt[0], now);
        long next = from + intervalNanos;
        if (next - now > spanNanos) {
            return false;
        }
        if (wholeAt == null) {
            if (full.size() >= maxSources && !makeRoom(now)) {
                return false;
            }
            full.put(address, new long[] {next});
        } else {
            wholeAt[0] = next;
        }
        return true;
    }

    /**
     * Makes room for a new address: the one used least recently goes if its budget is whole;
     * otherwise every whole one goes, in one search of the table made at most once per
     * interval, so that a full table costs a newcomer little and a stream of them no more than
     * one search per interval. False if none is whole.
     */
    private boolean makeRoom(long now) {
        Iterator<long[]> eldest = full.values().iterator();
        if (eldest.next()[0] <= now) {
            eldest.remove();
            return true;
        }
        if (searched && now - searchedAt < intervalNanos) {
            return false;
        }
        searched = true;
        searchedAt = now;
        forgetRefilled(now);
        return full.size() < maxSources;
    }

    /** Forgets the addresses whose budget is whole again at {@code now}: they need no entry. */
    public void forgetRefilled(long now) {
        full.values().removeIf(wholeAt -> wholeAt[0] <= now);
    }

    /** Addresses remembered. */
    public int size() {
        return full.size();
    }
}
