package io.punchsim.protocol.stun;

import io.punchsim.protocol.config.Retransmission;
import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.runtime.Context;
import io.punchsim.protocol.runtime.Machine;
import io.punchsim.protocol.stun.BindingTransaction.Answered;
import io.punchsim.protocol.stun.BindingTransaction.Outcome;
import io.punchsim.protocol.stun.DiscoveryResult.BehindNat;
import io.punchsim.protocol.stun.DiscoveryResult.Inconclusive;
import io.punchsim.protocol.stun.DiscoveryResult.NoNat;
import io.punchsim.protocol.stun.DiscoveryResult.ServerLacksRfc5780;
import io.punchsim.protocol.stun.DiscoveryResult.UdpBlocked;
import io.punchsim.protocol.stun.StunAttribute.ChangeRequest;
import io.punchsim.protocol.stun.StunAttribute.OtherAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * RFC 5780 NAT behaviour discovery from one socket against an RFC 5780 STUN server.
 *
 * <p>Test I asks the primary address. The filtering tests come next (II: answer from the other IP
 * and port; III: from the other port only) because the mapping tests send to the alternate
 * address and would open an address-dependent filter toward it, faking endpoint-independent
 * filtering. Mapping tests II (alternate IP, primary port) and III (alternate IP and port) then
 * compare reflexive addresses. Each test is a {@link BindingTransaction} with retransmission.
 */
public final class NatBehaviourDiscovery implements Machine {

    private final Endpoint server;
    private final Retransmission schedule;
    private final Consumer<DiscoveryResult> onResult;
    private Context context;
    private BindingTransaction current;
    private DiscoveryResult result;

    // What the tests have learnt so far.
    private Endpoint mappedI;
    private Endpoint other;
    private FilteringBehaviour filtering;
    private Endpoint mappedII;

    public NatBehaviourDiscovery(Endpoint server, Retransmission schedule, Consumer<DiscoveryResult> onResult) {
        this.server = server;
        this.schedule = schedule;
        this.onResult = onResult;
    }

    public Optional<DiscoveryResult> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public void start(Context context) {
        this.context = context;
        ask(server, List.of(), this::afterTestI);
    }

    @Override
    public void onDatagram(Endpoint source, byte[] payload) {
        if (current != null) {
            current.onDatagram(source, payload);
        }
    }

    private void afterTestI(Outcome outcome) {
        if (!(outcome instanceof Answered answered)) {
            finish(new UdpBlocked());
            return;
        }
        Optional<Endpoint> mapped = answered.mappedAddress();
        if (mapped.isEmpty()) {
            finish(new Inconclusive("test I: no usable mapped address in " + answered.response()));
            return;
        }
        mappedI = mapped.get();
        Optional<Endpoint> otherAddress = answered.response().first(OtherAddress.class)
                .flatMap(o -> o.address().toEndpoint());
        if (otherAddress.isEmpty()) {
            finish(new ServerLacksRfc5780(mappedI));
            return;
        }
        other = otherAddress.get();
        ask(server, List.of(new ChangeRequest(true, true)), this::afterFilteringII);
    }

    private void afterFilteringII(Outcome outcome) {
        if (outcome instanceof Answered answered) {
            if (!isAnswerFrom(answered, other)) {
                return;
            }
            filtering = FilteringBehaviour.ENDPOINT_INDEPENDENT;
            startMappingTests();
        } else {
            ask(server, List.of(new ChangeRequest(false, true)), this::afterFilteringIII);
        }
    }

    private void afterFilteringIII(Outcome outcome) {
        if (outcome instanceof Answered answered) {
            if (!isAnswerFrom(answered, new Endpoint(server.ip(), other.port()))) {
                return;
            }
            filtering = FilteringBehaviour.ADDRESS_DEPENDENT;
        } else {
            filtering = FilteringBehaviour.ADDRESS_AND_PORT_DEPENDENT;
        }
        startMappingTests();
    }

    private void startMappingTests() {
        if (mappedI.equals(context.localAddress())) {
            finish(new NoNat(mappedI, filtering));
            return;
        }
        ask(new Endpoint(other.ip(), server.port()), List.of(), this::afterMappingII);
    }

    private void afterMappingII(Outcome outcome) {
        Optional<Endpoint> mapped = mappedOrFinish(outcome, "mapping test II");
        if (mapped.isEmpty()) {
            return;
        }
        mappedII = mapped.get();
        if (mappedII.equals(mappedI)) {
            finish(new BehindNat(mappedI, MappingBehaviour.ENDPOINT_INDEPENDENT, filtering));
            return;
        }
        ask(other, List.of(), this::afterMappingIII);
    }

    private void afterMappingIII(Outcome outcome) {
        Optional<Endpoint> mapped = mappedOrFinish(outcome, "mapping test III");
        if (mapped.isEmpty()) {
            return;
        }
        MappingBehaviour mapping = mapped.get().equals(mappedII)
                ? MappingBehaviour.ADDRESS_DEPENDENT : MappingBehaviour.ADDRESS_AND_PORT_DEPENDENT;
        finish(new BehindNat(mappedI, mapping, filtering));
    }

    /** A success from the expected socket; anything else ends discovery as inconclusive. */
    private boolean isAnswerFrom(Answered answered, Endpoint expected) {
        if (!answered.isSuccess() || !answered.source().equals(expected)) {
            finish(new Inconclusive("expected a success from " + expected + ", got " + answered.response().messageClass()
                    + " from " + answered.source()));
            return false;
        }
        return true;
    }

    private Optional<Endpoint> mappedOrFinish(Outcome outcome, String test) {
        if (outcome instanceof Answered answered && answered.mappedAddress().isPresent()) {
            return answered.mappedAddress();
        }
        // The server answered test I, so a silent alternate address means the server is broken.
        finish(new Inconclusive(test + ": " + outcome));
        return Optional.empty();
    }

    private void ask(Endpoint to, List<StunAttribute> attributes, Consumer<Outcome> next) {
        current = new BindingTransaction(context, to, attributes, schedule, next);
        current.start();
    }

    private void finish(DiscoveryResult discovered) {
        result = discovered;
        current = null;
        onResult.accept(discovered);
    }
}
