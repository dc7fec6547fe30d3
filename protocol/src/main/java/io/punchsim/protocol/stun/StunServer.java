package io.punchsim.protocol.stun;

import io.punchsim.protocol.limit.SourceBudget;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.protocol.stun.StunAttribute.ChangeRequest;
import io.punchsim.protocol.stun.StunAttribute.ErrorCode;
import io.punchsim.protocol.stun.StunAttribute.Fingerprint;
import io.punchsim.protocol.stun.StunAttribute.MappedAddress;
import io.punchsim.protocol.stun.StunAttribute.Opaque;
import io.punchsim.protocol.stun.StunAttribute.OtherAddress;
import io.punchsim.protocol.stun.StunAttribute.Padding;
import io.punchsim.protocol.stun.StunAttribute.ResponseOrigin;
import io.punchsim.protocol.stun.StunAttribute.ResponsePort;
import io.punchsim.protocol.stun.StunAttribute.Software;
import io.punchsim.protocol.stun.StunAttribute.UnknownAttributes;
import io.punchsim.protocol.stun.StunAttribute.XorMappedAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A STUN server for one UDP socket: answers Binding requests with the observed source address.
 *
 * <p>Plain mode ({@link #StunServer(String)}) needs one socket and treats CHANGE-REQUEST and
 * RESPONSE-PORT (and PADDING) as unknown attributes (420), as RFC 5780 asks of servers without an
 * alternate address. RFC 5780 mode ({@link #withAlternate}) is four of these machines, one per socket
 * (primary IP/port, primary IP/alternate port, alternate IP/primary port, alternate IP/alternate
 * port), sharing the table of started sockets: a request asking for a changed address is answered
 * through the context of the matching socket. A driver starts each machine on its own socket, the
 * same way it starts any other machine; nothing else is special.
 *
 * <p>An answer from another address or port than the one asked, or to another port than the
 * request's source (RFC 5780's CHANGE-REQUEST and RESPONSE-PORT), is what lets a forged source
 * turn the server against a third party, and no source has shown it receives what is sent to
 * it: such answers are limited per source address ({@link #DEFAULT_CHANGED_ANSWERS_PER_MINUTE}
 * unless told otherwise), and past the limit the request goes unanswered, as if lost. Plain
 * answers go to the observed source from the socket that was asked.
 *
 * <p>There are no credentials: USERNAME and MESSAGE-INTEGRITY are understood and ignored. The
 * server emits no step events (the peers report H10/C10 themselves).
 */
public final class StunServer implements Machine {

    public static final String DEFAULT_SOFTWARE = "punchsim";

    /** Leaves room for the other attributes within the 64 KiB a STUN message can hold. */
    private static final int MAX_ECHOED_PADDING = 60_000;

    /**
     * One RFC 5780 discovery asks for at most 14 such answers (tests II and III, seven requests
     * each when they go unanswered); this allows four discoveries at once per address, then one
     * answer a second.
     */
    public static final int DEFAULT_CHANGED_ANSWERS_PER_MINUTE = 60;

    /** Source addresses whose budget is remembered at once: a flood of sources leaves the heap flat. */
    public static final int SOURCES_REMEMBERED = 10_000;
    private static final long MINUTE = 60_000_000_000L;

    /** What the four sockets of an RFC 5780 server share. */
    private static final class Shared {
        final Map<Endpoint, Context> sockets = new HashMap<>();
        final SourceBudget changedAnswers;
        long withheld;

        Shared(int changedAnswersPerMinute, int sourcesRemembered) {
            changedAnswers = new SourceBudget(changedAnswersPerMinute, MINUTE, sourcesRemembered);
        }
    }

    private final String software;
    /** This socket's address in RFC 5780 mode; {@code null} in plain mode. */
    private final Endpoint local;
    private final Endpoint primary;
    private final Endpoint alternate;
    private final Shared shared;
    private Context context;
    private long unhandled;

    public StunServer() {
        this(DEFAULT_SOFTWARE);
    }

    public StunServer(String software) {
        this(software, null, null, null, null);
    }

    private StunServer(String software, Endpoint local, Endpoint primary, Endpoint alternate, Shared shared) {
        this.software = software;
        this.local = local;
        this.primary = primary;
        this.alternate = alternate;
        this.shared = shared;
    }

    /**
     * The four machines of an RFC 5780 server, keyed by the socket each must be started on. The
     * alternate must differ from the primary in both IP and port.
     */
    public static Map<Endpoint, StunServer> withAlternate(Endpoint primary, Endpoint alternate, String software) {
        return withAlternate(primary, alternate, software, DEFAULT_CHANGED_ANSWERS_PER_MINUTE);
    }

    /**
     * As {@link #withAlternate(Endpoint, Endpoint, String)}, answering at most
     * {@code changedAnswersPerMinute} requests per source address from another address or port,
     * or to another port (0: none).
     */
    public static Map<Endpoint, StunServer> withAlternate(Endpoint primary, Endpoint alternate, String software,
            int changedAnswersPerMinute) {
        return withAlternate(primary, alternate, software, changedAnswersPerMinute, SOURCES_REMEMBERED);
    }

    /** As above, remembering the budgets of {@code sourcesRemembered} addresses: tests fill the table with a few. */
    static Map<Endpoint, StunServer> withAlternate(Endpoint primary, Endpoint alternate, String software,
            int changedAnswersPerMinute, int sourcesRemembered) {
        if (primary.ip() == alternate.ip() || primary.port() == alternate.port()) {
            throw new IllegalArgumentException("the alternate needs another IP and another port: " + primary + " / " + alternate);
        }
        if (changedAnswersPerMinute < 0) {
            throw new IllegalArgumentException("changed answers per minute must not be negative: " + changedAnswersPerMinute);
        }
        Shared shared = new Shared(changedAnswersPerMinute, sourcesRemembered);
        Map<Endpoint, StunServer> machines = new LinkedHashMap<>();
        for (int ip : new int[] {primary.ip(), alternate.ip()}) {
            for (int port : new int[] {primary.port(), alternate.port()}) {
                Endpoint socket = new Endpoint(ip, port);
                machines.put(socket, new StunServer(software, socket, primary, alternate, shared));
            }
        }
        return machines;
    }

    /** Requests left unanswered because their source had spent its budget of changed answers. */
    public long changedAnswersWithheld() {
        return shared == null ? 0 : shared.withheld;
    }

    @Override
    public void start(Context context) {
        this.context = context;
        if (shared != null) {
            shared.sockets.put(local, context);
        }
    }

    /** Datagrams whose handling failed (a bug); each is dropped and the server goes on. */
    public long unhandled() {
        return unhandled;
    }

    /** Any datagram from any source; whatever it holds, it is answered or dropped, never fatal. */
    @Override
    public void onDatagram(Endpoint source, byte[] payload) {
        try {
            handle(source, payload);
        } catch (RuntimeException e) {
            unhandled++;
        }
    }

    private void handle(Endpoint source, byte[] payload) {
        if (!StunDecoder.looksLikeStun(payload)) {
            return;
        }
        DecodeResult result = StunDecoder.decode(payload);
        if (result instanceof Malformed malformed) {
            malformed.validHeader()
                    .filter(header -> header.messageClass() == StunClass.REQUEST)
                    .ifPresent(header -> reject(source, header.method(), header.transactionId(),
                            new ErrorCode(ErrorCode.BAD_REQUEST, "Bad Request"), List.of()));
            return;
        }
        StunMessage request = ((Decoded) result).message();
        if (request.messageClass() != StunClass.REQUEST) {
            return;
        }
        if (request.method() != StunMessage.BINDING) {
            reject(source, request.method(), request.transactionId(), new ErrorCode(ErrorCode.BAD_REQUEST, "Unsupported method"), List.of());
            return;
        }
        List<Integer> unknown = unknownRequired(request);
        if (!unknown.isEmpty()) {
            reject(source, request.method(), request.transactionId(),
                    new ErrorCode(ErrorCode.UNKNOWN_ATTRIBUTE, "Unknown Attribute"), unknown);
            return;
        }
        answer(source, request);
    }

    /**
     * The types of the comprehension-required attributes not understood, each once, in the order
     * they first appear. A datagram holds up to 16,371 attributes: types already listed are found
     * in a set, not by scanning the list, so that many distinct types cost no more than a few.
     */
    private List<Integer> unknownRequired(StunMessage request) {
        List<Integer> unknown = new ArrayList<>();
        BitSet listed = null;
        for (StunAttribute attribute : request.attributes()) {
            boolean notUnderstood = (attribute instanceof Opaque opaque && StunAttribute.comprehensionRequired(opaque.type()))
                    || (local == null && (attribute instanceof ChangeRequest || attribute instanceof ResponsePort
                            || attribute instanceof Padding));
            if (!notUnderstood) {
                continue;
            }
            if (listed == null) {
                listed = new BitSet();
            }
            if (!listed.get(attribute.type())) {
                listed.set(attribute.type());
                unknown.add(attribute.type());
            }
        }
        return unknown;
    }

    private void answer(Endpoint source, StunMessage request) {
        StunAddress observed = StunAddress.of(source);
        List<StunAttribute> attributes = new ArrayList<>();
        attributes.add(new XorMappedAddress(observed));
        attributes.add(new MappedAddress(observed));
        Context via = context;
        Endpoint destination = source;
        if (local != null) {
            ChangeRequest change = request.first(ChangeRequest.class).orElse(new ChangeRequest(false, false));
            Endpoint from = new Endpoint(change.changeIp() ? otherIp() : local.ip(), change.changePort() ? otherPort() : local.port());
            via = shared.sockets.get(from);
            if (via == null) {
                // That socket was never started: the request cannot be honoured, as if it were lost.
                return;
            }
            Optional<ResponsePort> responsePort = request.first(ResponsePort.class);
            if (responsePort.isPresent()) {
                destination = new Endpoint(source.ip(), responsePort.get().port());
            }
            if ((!from.equals(local) || !destination.equals(source))
                    && !shared.changedAnswers.take(source.ip(), context.now())) {
                shared.withheld++;
                return;
            }
            attributes.add(new ResponseOrigin(StunAddress.of(from)));
            attributes.add(new OtherAddress(StunAddress.of(new Endpoint(otherIp(), otherPort()))));
            // RFC 5780 clients pad requests to probe fragmentation; the answer is padded alike when it fits.
            request.first(Padding.class)
                    .filter(padding -> padding.length() <= MAX_ECHOED_PADDING)
                    .ifPresent(attributes::add);
        }
        attributes.add(new Software(software));
        attributes.add(Fingerprint.toBeComputed());
        StunMessage response = new StunMessage(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE, request.transactionId(), attributes);
        via.send(destination, StunEncoder.encode(response));
    }

    private void reject(Endpoint source, int method, TransactionId transactionId, ErrorCode error, List<Integer> unknown) {
        List<StunAttribute> attributes = new ArrayList<>();
        attributes.add(error);
        if (!unknown.isEmpty()) {
            attributes.add(new UnknownAttributes(unknown));
        }
        attributes.add(new Software(software));
        attributes.add(Fingerprint.toBeComputed());
        context.send(source, StunEncoder.encode(new StunMessage(method, StunClass.ERROR_RESPONSE, transactionId, attributes)));
    }

    private int otherIp() {
        return local.ip() == primary.ip() ? alternate.ip() : primary.ip();
    }

    private int otherPort() {
        return local.port() == primary.port() ? alternate.port() : primary.port();
    }
}
