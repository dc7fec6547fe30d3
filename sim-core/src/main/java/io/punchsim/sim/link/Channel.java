package io.punchsim.sim.link;

import io.punchsim.sim.net.DropReason;
import io.punchsim.sim.random.NamedStream;
import java.util.List;

/**
 * One direction of one link during one run: the mutable state behind a {@link DirectionSpec}
 * (its random stream, loss-chain state and the last arrival time for FIFO).
 *
 * <p>The network calls {@link #admit} when a datagram enters, then {@link #arrival} for each copy
 * that will come out. The order of random draws is fixed, so a run replays exactly from its seed.
 */
public final class Channel {

    private final NamedStream random;
    private final boolean constant;
    private final long constantLatency;
    private final LatencySampler latency;
    private final LatencySampler jitter;
    private final boolean hasJitter;
    private final boolean fifo;
    private final LossProcess loss;
    private final double duplication;
    private final Fault[] faults;
    private long lastArrival = Long.MIN_VALUE;

    /**
     * @param random the direction's own stream; the channel keeps it and the samplers bound to it
     *     (they hold no state of their own between draws), so {@link #reset} is all another run needs
     */
    public Channel(DirectionSpec spec, NamedStream random) {
        this.random = random;
        // A constant delay is read from a field: most links have one, and a call through the
        // sampler interface would meet many implementations at this one call site.
        if (spec.latency() instanceof LatencyModel.Constant c) {
            this.constant = true;
            this.constantLatency = c.nanos();
            this.latency = null;
        } else {
            this.constant = false;
            this.constantLatency = 0;
            this.latency = spec.latency().sampler(random);
        }
        this.hasJitter = !(spec.jitter() instanceof LatencyModel.Constant c && c.nanos() == 0);
        this.jitter = hasJitter ? spec.jitter().sampler(random) : null;
        this.fifo = spec.fifo();
        this.loss = new LossProcess(spec.loss(), random);
        this.duplication = spec.duplication();
        List<Fault> list = spec.faults();
        this.faults = list.toArray(new Fault[0]);
    }

    /**
     * Starts the channel over for another run with root seed {@code rootSeed}: its stream as a new
     * one of the same name would be, the loss chain in its good state, no earlier arrival.
     */
    public void reset(long rootSeed) {
        random.reseed(rootSeed);
        loss.reset();
        lastArrival = Long.MIN_VALUE;
    }

    /**
     * Decides whether a datagram entering at {@code now} gets through.
     *
     * @return null when it passes, otherwise why it was dropped
     */
    public DropReason admit(long now) {
        for (Fault fault : faults) {
            if (fault.activeAt(now)) {
                if (fault instanceof Fault.Outage) {
                    return DropReason.LINK_DOWN;
                }
                if (fault instanceof Fault.LossBurst burst && random.nextDouble() < burst.probability()) {
                    return DropReason.LOSS;
                }
            }
        }
        return loss.lose() ? DropReason.LOSS : null;
    }

    /** Arrival time at the far end of a datagram admitted at {@code now}. */
    public long arrival(long now) {
        long at = now + (constant ? constantLatency : latency.sample());
        if (hasJitter) {
            at += jitter.sample();
        }
        if (fifo) {
            if (at < lastArrival) {
                at = lastArrival;
            }
            lastArrival = at;
        }
        return at;
    }

    /** Whether an admitted datagram is duplicated (asked once per admitted datagram). */
    public boolean duplicates() {
        return duplication > 0 && random.nextDouble() < duplication;
    }
}
