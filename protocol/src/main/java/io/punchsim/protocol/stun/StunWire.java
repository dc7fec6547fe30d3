package io.punchsim.protocol.stun;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.StunAttribute.Fingerprint;
import io.punchsim.protocol.stun.StunAttribute.MappedAddress;
import io.punchsim.protocol.stun.StunAttribute.XorMappedAddress;
import java.util.List;
import java.util.Optional;

/** The few STUN operations the peers' state machines need, over raw datagrams. */
public final class StunWire {

    private StunWire() {}

    /** A Binding request with the given 12-byte transaction id (and FINGERPRINT). */
    public static byte[] bindingRequest(byte[] transactionId) {
        StunMessage request = new StunMessage(StunMessage.BINDING, StunClass.REQUEST,
                new TransactionId(transactionId), List.of(Fingerprint.toBeComputed()));
        return StunEncoder.encode(request);
    }

    /**
     * The reflexive IPv4 address from a Binding success response carrying that transaction id
     * (XOR-MAPPED-ADDRESS, else MAPPED-ADDRESS); empty for anything else, never throws.
     */
    public static Optional<Endpoint> mappedAddress(byte[] response, byte[] transactionId) {
        if (response == null || transactionId == null) {
            return Optional.empty();
        }
        if (!(StunDecoder.decode(response) instanceof Decoded decoded)) {
            return Optional.empty();
        }
        StunMessage message = decoded.message();
        if (!message.isBinding(StunClass.SUCCESS_RESPONSE) || !message.transactionId().matches(transactionId)) {
            return Optional.empty();
        }
        return reflexiveIpv4(message);
    }

    /**
     * The Binding success answer to {@code request} from {@code source} (XOR-MAPPED-ADDRESS and
     * FINGERPRINT, as a STUN server would send), or empty when it is no Binding request.
     */
    public static Optional<byte[]> bindingSuccess(byte[] request, Endpoint source) {
        if (!(StunDecoder.decode(request) instanceof Decoded decoded)
                || !decoded.message().isBinding(StunClass.REQUEST)) {
            return Optional.empty();
        }
        StunMessage response = new StunMessage(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE,
                decoded.message().transactionId(),
                List.of(new XorMappedAddress(StunAddress.of(source)), Fingerprint.toBeComputed()));
        return Optional.of(StunEncoder.encode(response));
    }

    /** Whether the datagram looks like STUN (top two bits zero and the magic cookie), for demultiplexing. */
    public static boolean isStun(byte[] payload) {
        return StunDecoder.looksLikeStun(payload);
    }

    /** The first IPv4 XOR-MAPPED-ADDRESS, else MAPPED-ADDRESS (servers from before RFC 5389 send only that). */
    static Optional<Endpoint> reflexiveIpv4(StunMessage message) {
        for (StunAttribute attribute : message.attributes()) {
            if (attribute instanceof XorMappedAddress xor && xor.address().toEndpoint().isPresent()) {
                return xor.address().toEndpoint();
            }
        }
        for (StunAttribute attribute : message.attributes()) {
            if (attribute instanceof MappedAddress mapped && mapped.address().toEndpoint().isPresent()) {
                return mapped.address().toEndpoint();
            }
        }
        return Optional.empty();
    }
}
