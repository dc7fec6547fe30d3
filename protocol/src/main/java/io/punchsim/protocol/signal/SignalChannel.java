package io.punchsim.protocol.signal;

import io.punchsim.protocol.config.Retransmission;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Retransmitter;
import io.punchsim.protocol.wire.Message;
import io.punchsim.protocol.wire.MessageCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reliable signalling with one remote (a peer's link to the cloud, or the cloud's link to one
 * peer): outgoing messages are retransmitted on the schedule until acknowledged; incoming ones are
 * always acknowledged and delivered once, duplicates recognised by a 64-message sliding window.
 */
public final class SignalChannel {

    /** Told when a message was sent the maximum number of times and never acknowledged. */
    public interface GiveUp {
        void onGiveUp(SignalChannel channel, Message.Reliable message);
    }

    /**
     * Asked before each retransmission on the schedule (never before a first send). When it says
     * no, the retransmission is withheld: the schedule runs on, and the message goes out again
     * only if {@link #resendWithheld()} is called, which the cloud does when a request is repeated.
     */
    public interface Gate {
        boolean mayRetransmit(SignalChannel channel);
    }

    private static final Gate ALWAYS = channel -> true;

    /**
     * Answers to the remote's requests that wait for an acknowledgement at once, at most. A peer
     * asks one thing at a time and acknowledges each answer as it arrives, so a few wait at once.
     * A source sending new requests faster than any peer would otherwise have every answer kept
     * and retransmitted for the whole schedule, and each of its acks matched against all of them:
     * memory and work without bound from one endpoint. Past the cap the oldest answer makes room
     * and is not sent again, as if it were lost.
     */
    public static final int MAX_PENDING_ANSWERS = 64;

    private final Context context;
    private final Endpoint remote;
    private final Retransmission schedule;
    private final GiveUp giveUp;
    private final Gate gate;
    private final List<Pending> pending = new ArrayList<>(4);
    private int nextSeq = 1;
    private int highestSeen;
    private long seenMask;
    private boolean anySeen;
    private int retransmissions;
    private int withheldCount;
    /** How many of {@link #pending} are answers. */
    private int pendingAnswers;

    public SignalChannel(Context context, Endpoint remote, Retransmission schedule, GiveUp giveUp) {
        this(context, remote, schedule, giveUp, ALWAYS, 1);
    }

    /**
     * @param gate asked before each retransmission
     * @param firstSeq the sequence number of the first outgoing message. A side that may forget a
     *     channel and open a new one to the same remote (the cloud) starts each from its clock, so
     *     the new one's numbers lie ahead of the old one's and the remote, which remembers, does
     *     not take them for duplicates.
     */
    public SignalChannel(Context context, Endpoint remote, Retransmission schedule, GiveUp giveUp, Gate gate,
            int firstSeq) {
        this.context = context;
        this.remote = remote;
        this.schedule = schedule;
        this.giveUp = giveUp;
        this.gate = gate;
        this.nextSeq = firstSeq;
    }

    public Endpoint remote() {
        return remote;
    }

    /** The sequence number for the next outgoing reliable message. */
    public int nextSeq() {
        return nextSeq++;
    }

    public void send(Message.Reliable message) {
        send(message, false, 0);
    }

    /** Sends {@code message} as the answer to the remote's request {@code requestSeq}. */
    public void sendAnswer(Message.Reliable message, int requestSeq) {
        send(message, true, requestSeq);
    }

    private void send(Message.Reliable message, boolean answer, int requestSeq) {
        if (answer && pendingAnswers >= MAX_PENDING_ANSWERS) {
            forgetOldestAnswer();
        }
        Pending p = new Pending(message, MessageCodec.encode(message), answer, requestSeq);
        pending.add(p);
        if (answer) {
            pendingAnswers++;
        }
        p.start();
    }

    private void forgetOldestAnswer() {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).answer) {
                remove(i).stop();
                return;
            }
        }
    }

    /** Takes the pending message at {@code i} out, keeping the count of answers. */
    private Pending remove(int i) {
        Pending p = pending.remove(i);
        if (p.answer) {
            pendingAnswers--;
        }
        return p;
    }

    /** An {@code Ack} arrived: stop retransmitting that message. */
    public void acknowledged(int seq) {
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (p.seq == seq) {
                p.stop();
                remove(i);
                return;
            }
        }
    }

    /**
     * A reliable message arrived from the remote: acknowledge it, and say whether it is new (to be
     * handled) or a duplicate (already handled; the ack is resent because the first may be lost).
     */
    public boolean receive(int seq) {
        context.send(remote, MessageCodec.encode(new Message.Ack(seq)));
        if (!anySeen) {
            anySeen = true;
            highestSeen = seq;
            seenMask = 1;
            return true;
        }
        int ahead = seq - highestSeen;
        if (ahead > 0) {
            seenMask = ahead >= 64 ? 1 : (seenMask << ahead) | 1;
            highestSeen = seq;
            return true;
        }
        int behind = -ahead;
        if (behind >= 64) {
            return false;
        }
        long bit = 1L << behind;
        if ((seenMask & bit) != 0) {
            return false;
        }
        seenMask |= bit;
        return true;
    }

    /** Messages still waiting for an acknowledgement. */
    public int unacknowledged() {
        return pending.size();
    }

    /** Retransmissions so far (not counting first sends). */
    public int retransmissions() {
        return retransmissions;
    }

    /** Retransmissions the gate withheld so far. */
    public int withheld() {
        return withheldCount;
    }

    /**
     * The remote repeated its request {@code requestSeq}, so its answer did not reach it: sends
     * once more each unacknowledged answer to that request whose last retransmission was withheld.
     */
    public void resendWithheld(int requestSeq) {
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (p.withheld && p.answer && p.requestSeq == requestSeq) {
                p.withheld = false;
                retransmissions++;
                context.send(remote, p.bytes);
            }
        }
    }

    /** Stops all retransmission. */
    public void close() {
        for (Pending p : pending) {
            p.stop();
        }
        pending.clear();
        pendingAnswers = 0;
    }

    /** One message waiting for its ack: its own retransmitter, transmitting and giving up itself. */
    private final class Pending extends Retransmitter {
        final Message.Reliable message;
        /** The message's sequence number, read once: acks are matched against it. */
        final int seq;
        final byte[] bytes;
        /** An answer to the remote's request {@link #requestSeq}. */
        final boolean answer;
        final int requestSeq;
        boolean withheld;

        Pending(Message.Reliable message, byte[] bytes, boolean answer, int requestSeq) {
            super(context, schedule);
            this.message = message;
            this.seq = message.seq();
            this.bytes = bytes;
            this.answer = answer;
            this.requestSeq = requestSeq;
        }

        @Override
        protected void transmit(int n) {
            if (n > 1) {
                if (!gate.mayRetransmit(SignalChannel.this)) {
                    withheld = true;
                    withheldCount++;
                    return;
                }
                retransmissions++;
            }
            context.send(remote, bytes);
        }

        @Override
        protected void gaveUp() {
            int at = pending.indexOf(this);
            if (at >= 0) {
                remove(at);
            }
            giveUp.onGiveUp(SignalChannel.this, message);
        }
    }
}
