package io.punchsim.protocol.stun;

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
 * <p>There are no credentials: USERNAME and MESSAGE-INTEGRITY are understood and ignored. The
 * server emits no step events (the peers report H10/C10 themselves).
 */
public final class StunServer implements Machine {

    public static final String DEFAULT_SOFTWARE = "punchsim";

    /** Leaves room for the other attributes within the 64 KiB a STUN message can hold. */
    private static final int MAX_ECHOED_PADDING = 60_000;

    private final String software;
    /** This socket's address in RFC 5780 mode; {@code null} in plain mode. */
    private final Endpoint local;
    private final Endpoint primary;
    private final Endpoint alternate;
    private final Map<Endpoint, Context> sockets;
    private Context context;

    public StunServer() {
        this(DEFAULT_SOFTWARE);
    }

    public StunServer(String software) {
        this(software, null, null, null, null);
    }

    private StunServer(String software, Endpoint local, Endpoint primary, Endpoint alternate, Map<Endpoint, Context> sockets) {
        this.software = software;
        this.local = local;
        this.primary = primary;
        this.alternate = alternate;
        this.sockets = sockets;
    }

    /**
     * The four machines of an RFC 5780 server, keyed by the socket each must be started on. The
     * alternate must differ from the primary in both IP and port.
     */
    public static Map<Endpoint, StunServer> withAlternate(Endpoint primary, Endpoint alternate, String software) {
        if (primary.ip() == alternate.ip() || primary.port() == alternate.port()) {
            throw new IllegalArgumentException("the alternate needs another IP and another port: " + primary + " / " + alternate);
        }
        Map<Endpoint, Context> shared = new HashMap<>();
        Map<Endpoint, StunServer> machines = new LinkedHashMap<>();
        for (int ip : new int[] {primary.ip(), alternate.ip()}) {
            for (int port : new int[] {primary.port(), alternate.port()}) {
                Endpoint socket = new Endpoint(ip, port);
                machines.put(socket, new StunServer(software, socket, primary, alternate, shared));
            }
        }
        return machines;
    }

    @Override
    public void start(Context context) {
        this.context = context;
        if (sockets != null) {
            sockets.put(local, context);
        }
    }

    @Override
    public void onDatagram(Endpoint source, byte[] payload) {
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

    private List<Integer> unknownRequired(StunMessage request) {
        List<Integer> unknown = new ArrayList<>();
        for (StunAttribute attribute : request.attributes()) {
            boolean notUnderstood = (attribute instanceof Opaque opaque && StunAttribute.comprehensionRequired(opaque.type()))
                    || (local == null && (attribute instanceof ChangeRequest || attribute instanceof ResponsePort
                            || attribute instanceof Padding));
            if (notUnderstood && !unknown.contains(attribute.type())) {
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
            via = sockets.get(from);
            if (via == null) {
                // That socket was never started: the request cannot be honoured, as if it were lost.
                return;
            }
            Optional<ResponsePort> responsePort = request.first(ResponsePort.class);
            if (responsePort.isPresent()) {
                destination = new Endpoint(source.ip(), responsePort.get().port());
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
