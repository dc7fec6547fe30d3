package io.punchsim.protocol.runtime;

import io.punchsim.protocol.config.Retransmission;

/**
 * The one retransmission loop of the protocol, shared by signalling, the peers' STUN requests and
 * STUN client transactions: transmit, wait as the {@link Retransmission} schedule says, transmit
 * again, and after the last transmission's final wait give up. The owner stops it when the answer
 * arrives.
 */
public class Retransmitter implements Runnable {

    /** Sends transmission number {@code n} (1 for the first). */
    public interface Transmit {
        void transmit(int n);
    }

    private final Context context;
    private final Retransmission schedule;
    private final Transmit transmit;
    private final Runnable giveUp;
    private int sent;
    private long timer = -1;
    private boolean stopped;

    public Retransmitter(Context context, Retransmission schedule, Transmit transmit, Runnable giveUp) {
        this.context = context;
        this.schedule = schedule;
        this.transmit = transmit;
        this.giveUp = giveUp;
    }

    /**
     * For a subclass that transmits and gives up itself ({@link #transmit(int)}, {@link #gaveUp()}):
     * a message waiting for its ack is then one object, not three (signalling sends tens per run).
     */
    protected Retransmitter(Context context, Retransmission schedule) {
        this(context, schedule, null, null);
    }

    /** Sends transmission number {@code n} (1 for the first): the callback given, unless overridden. */
    protected void transmit(int n) {
        transmit.transmit(n);
    }

    /** The last transmission's final wait passed unanswered: the callback given, unless overridden. */
    protected void gaveUp() {
        giveUp.run();
    }

    /** Sends the first transmission and arms the timer. */
    public void start() {
        if (sent > 0) {
            throw new IllegalStateException("already started");
        }
        send();
    }

    /** Stops retransmitting; the owner is not told of a give-up. */
    public void stop() {
        stopped = true;
        if (timer != -1) {
            context.cancelTimer(timer);
            timer = -1;
        }
    }

    /** Transmissions so far, the first included. */
    public int sent() {
        return sent;
    }

    public boolean isStopped() {
        return stopped;
    }

    private void send() {
        sent++;
        transmit(sent);
        // The transmit callback may have stopped us (a synchronous answer); then no timer.
        if (!stopped) {
            timer = context.setTimer(context.now() + schedule.waitAfter(sent), this);
        }
    }

    @Override
    public final void run() {
        timer = -1;
        if (stopped) {
            return;
        }
        if (sent >= schedule.maxTransmissions()) {
            stopped = true;
            gaveUp();
            return;
        }
        send();
    }
}
