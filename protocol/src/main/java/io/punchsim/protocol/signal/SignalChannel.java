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

    private final Context context;
    private final Endpoint remote;
    private final Retransmission schedule;
    private final GiveUp giveUp;
    private final List<Pending> pending = new ArrayList<>(4);
    private int nextSeq = 1;
    private int highestSeen;
    private long seenMask;
    private boolean anySeen;
    private int retransmissions;

    public SignalChannel(Context context, Endpoint remote, Retransmission schedule, GiveUp giveUp) {
        this.context = context;
        this.remote = remote;
        this.schedule = schedule;
        this.giveUp = giveUp;
    }

    public Endpoint remote() {
        return remote;
    }

    /** The sequence number for the next outgoing reliable message. */
    public int nextSeq() {
        return nextSeq++;
    }

    public void send(Message.Reliable message) {
        Pending p = new Pending(message, MessageCodec.encode(message));
        pending.add(p);
        p.retransmitter.start();
    }

    /** An {@code Ack} arrived: stop retransmitting that message. */
    public void acknowledged(int seq) {
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (p.seq == seq) {
                p.retransmitter.stop();
                pending.remove(i);
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

    /** Stops all retransmission. */
    public void close() {
        for (Pending p : pending) {
            p.retransmitter.stop();
        }
        pending.clear();
    }

    private final class Pending {
        final Message.Reliable message;
        /** The message's sequence number, read once: acks are matched against it. */
        final int seq;
        final byte[] bytes;
        final Retransmitter retransmitter;

        Pending(Message.Reliable message, byte[] bytes) {
            this.message = message;
            this.seq = message.seq();
            this.bytes = bytes;
            this.retransmitter = new Retransmitter(context, schedule, this::transmit, this::giveUp);
        }

        void transmit(int n) {
            if (n > 1) {
                retransmissions++;
            }
            context.send(remote, bytes);
        }

        void giveUp() {
            pending.remove(this);
            giveUp.onGiveUp(SignalChannel.this, message);
        }
    }
}
