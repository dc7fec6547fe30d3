package io.punchsim.protocol.stun;

import io.punchsim.protocol.config.Retransmission;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Retransmitter;
import io.punchsim.protocol.stun.StunAttribute.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One STUN Binding client transaction over UDP with RFC 8489 retransmission (the schedule's defaults are RFC 8489's: 500 ms, Rc = 7, Rm = 16). Its owner forwards
 * every datagram to {@link #onDatagram}; the outcome is reported once, through the callback, on
 * the owner's thread of control (from {@code onDatagram} or a timer).
 */
public final class BindingTransaction {

    /** How the transaction ended. */
    public sealed interface Outcome permits Answered, TimedOut {}

    /**
     * A success or error response with this transaction's id arrived.
     *
     * @param source where it came from (the server's other socket after a CHANGE-REQUEST)
     */
    public record Answered(Endpoint source, StunMessage response, int requestsSent) implements Outcome {
        public boolean isSuccess() {
            return response.messageClass() == StunClass.SUCCESS_RESPONSE;
        }

        /** The reflexive IPv4 address of a success response (XOR-MAPPED-ADDRESS, else MAPPED-ADDRESS). */
        public Optional<Endpoint> mappedAddress() {
            return isSuccess() ? StunWire.reflexiveIpv4(response) : Optional.empty();
        }
    }

    /** No response within the schedule. */
    public record TimedOut(int requestsSent) implements Outcome {}

    private final Context context;
    private final Endpoint server;
    private final Consumer<Outcome> onOutcome;
    private final TransactionId transactionId;
    private final byte[] request;
    private final Retransmitter retransmitter;
    private boolean done;

    /**
     * @param extraAttributes sent before the FINGERPRINT this class always adds (e.g. CHANGE-REQUEST)
     */
    public BindingTransaction(Context context, Endpoint server, List<StunAttribute> extraAttributes,
                              Retransmission schedule, Consumer<Outcome> onOutcome) {
        this.context = context;
        this.server = server;
        this.onOutcome = onOutcome;

        this.transactionId = TransactionId.random(context.random());
        List<StunAttribute> attributes = new ArrayList<>(extraAttributes);
        attributes.add(Fingerprint.toBeComputed());
        this.request = StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.REQUEST, transactionId, attributes));
        this.retransmitter = new Retransmitter(context, schedule, n -> context.send(server, request), this::timedOut);
    }

    public TransactionId transactionId() {
        return transactionId;
    }

    public boolean isDone() {
        return done;
    }

    /** Sends the first request and arms the retransmission timer. */
    public void start() {
        retransmitter.start();
    }

    /**
     * Offers a datagram to the transaction.
     *
     * @return whether it was this transaction's response (and so consumed)
     */
    public boolean onDatagram(Endpoint source, byte[] payload) {
        if (done || retransmitter.sent() == 0 || !StunDecoder.looksLikeStun(payload)) {
            return false;
        }
        if (!(StunDecoder.decode(payload) instanceof Decoded decoded)) {
            return false;
        }
        StunMessage response = decoded.message();
        boolean isResponse = response.messageClass() == StunClass.SUCCESS_RESPONSE
                || response.messageClass() == StunClass.ERROR_RESPONSE;
        if (!isResponse || response.method() != StunMessage.BINDING || !response.transactionId().equals(transactionId)) {
            return false;
        }
        finish(new Answered(source, response, retransmitter.sent()));
        return true;
    }

    /** Stops retransmitting; no outcome is reported. */
    public void cancel() {
        done = true;
        retransmitter.stop();
    }

    private void timedOut() {
        finish(new TimedOut(retransmitter.sent()));
    }

    private void finish(Outcome outcome) {
        done = true;
        retransmitter.stop();
        onOutcome.accept(outcome);
    }
}
