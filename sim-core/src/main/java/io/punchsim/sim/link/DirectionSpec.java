package io.punchsim.sim.link;

import java.util.List;

/**
 * Everything that happens to datagrams going one way over a link.
 *
 * @param latency base one-way delay
 * @param jitter extra delay added to each datagram, drawn independently (a constant zero for none)
 * @param fifo when true, a datagram never overtakes an earlier one: its arrival is held back to the
 *     previous arrival; when false, jitter may reorder
 * @param loss the loss model
 * @param duplication probability that a delivered datagram arrives twice (the copy has its own delay)
 * @param faults time-windowed outages and loss bursts
 */
public record DirectionSpec(LatencyModel latency, LatencyModel jitter, boolean fifo, LossModel loss, double duplication, List<Fault> faults) {

    private static final LatencyModel NO_JITTER = new LatencyModel.Constant(0);

    public DirectionSpec {
        if (latency == null || jitter == null || loss == null) {
            throw new NullPointerException("latency, jitter and loss are required");
        }
        if (!(duplication >= 0 && duplication <= 1)) {
            throw new IllegalArgumentException("duplication must be in [0, 1]: " + duplication);
        }
        faults = List.copyOf(faults);
    }

    /** A perfect link direction with the given latency model. */
    public static DirectionSpec of(LatencyModel latency) {
        return new DirectionSpec(latency, NO_JITTER, false, LossModel.NONE, 0, List.of());
    }

    /** A perfect link direction with a constant delay. */
    public static DirectionSpec constant(long nanos) {
        return of(new LatencyModel.Constant(nanos));
    }

    public DirectionSpec withLatency(LatencyModel newLatency) {
        return new DirectionSpec(newLatency, jitter, fifo, loss, duplication, faults);
    }

    public DirectionSpec withJitter(LatencyModel newJitter, boolean keepOrder) {
        return new DirectionSpec(latency, newJitter, keepOrder, loss, duplication, faults);
    }

    public DirectionSpec withLoss(LossModel newLoss) {
        return new DirectionSpec(latency, jitter, fifo, newLoss, duplication, faults);
    }

    public DirectionSpec withDuplication(double probability) {
        return new DirectionSpec(latency, jitter, fifo, loss, probability, faults);
    }

    public DirectionSpec withFault(Fault fault) {
        List<Fault> more = new java.util.ArrayList<>(faults);
        more.add(fault);
        return new DirectionSpec(latency, jitter, fifo, loss, duplication, more);
    }

    /**
     * Whether this direction does nothing to a datagram: no delay, no jitter, no loss, no duplicate,
     * no fault. Such a direction draws nothing from its stream, so a datagram may cross it within the
     * event that sent it (the wire of a LAN, a server's port on its site's router).
     */
    public boolean isIdeal() {
        return latency instanceof LatencyModel.Constant c && c.nanos() == 0
                && jitter instanceof LatencyModel.Constant j && j.nanos() == 0
                && loss.equals(LossModel.NONE) && duplication == 0 && faults.isEmpty();
    }

    /** Expected one-way delay, the weight of this direction in route computation. */
    public double meanDelay() {
        return latency.mean() + jitter.mean();
    }
}
