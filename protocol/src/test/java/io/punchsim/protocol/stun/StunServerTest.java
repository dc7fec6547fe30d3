package io.punchsim.protocol.stun;

import static io.punchsim.protocol.stun.FakeNetwork.MS;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import org.junit.jupiter.api.Test;

class StunServerTest {

    private static final Endpoint SERVER = Endpoint.parse("192.0.2.10:3478");
    private static final Endpoint ALTERNATE = Endpoint.parse("192.0.2.11:3479");
    private static final Endpoint CLIENT = Endpoint.parse("203.0.113.7:40000");
    private static final TransactionId ID = new TransactionId(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});

    /** Records what reaches the client socket, with the source it came from. */
    private static final class Inbox implements Machine {
        final List<Endpoint> sources = new ArrayList<>();
        final List<byte[]> payloads = new ArrayList<>();
        Context context;

        @Override
        public void start(Context context) {
            this.context = context;
        }

        @Override
        public void onDatagram(Endpoint source, byte[] payload) {
            sources.add(source);
            payloads.add(payload);
        }

        StunMessage only() {
            assertThat(payloads).hasSize(1);
            return Rfc5769VectorsTest.decoded(payloads.get(0)).message();
        }
    }

    private final FakeNetwork network = new FakeNetwork(5 * MS, 1);
    private final Inbox client = new Inbox();

    private StunMessage ask(List<StunAttribute> attributes, Endpoint server) {
        client.context.send(server, StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.REQUEST, ID, attributes)));
        network.runUntil(network.now() + 100 * MS);
        return client.only();
    }

    @Test
    void answersABindingRequestWithTheObservedSourceInBothAddressAttributes() {
        network.attach(SERVER, new StunServer("test server"));
        network.attach(CLIENT, client);

        StunMessage response = ask(List.of(Fingerprint.toBeComputed()), SERVER);

        assertThat(client.sources).containsExactly(SERVER);
        assertThat(response.isBinding(StunClass.SUCCESS_RESPONSE)).isTrue();
        assertThat(response.transactionId()).isEqualTo(ID);
        assertThat(response.attributes()).containsExactly(
                new XorMappedAddress(StunAddress.of(CLIENT)),
                new MappedAddress(StunAddress.of(CLIENT)),
                new Software("test server"),
                response.first(Fingerprint.class).orElseThrow());
        // The XOR form on the wire, computed by hand: port ^ 0x2112, address ^ 0x2112A442.
        byte[] wire = client.payloads.get(0);
        assertThat(StunDecoder.getShort(wire, 20)).isEqualTo(StunAttribute.XOR_MAPPED_ADDRESS);
        assertThat(StunDecoder.getShort(wire, 26)).isEqualTo(40000 ^ 0x2112);
        assertThat(StunDecoder.getInt(wire, 28)).isEqualTo(Endpoint.parseIp("203.0.113.7") ^ 0x2112A442);
    }

    @Test
    void ignoresNonStunResponsesAndIndications() {
        network.attach(SERVER, new StunServer());
        network.attach(CLIENT, client);
        client.context.send(SERVER, "hello, not stun at all".getBytes());
        client.context.send(SERVER, new byte[3]);
        client.context.send(SERVER, StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.INDICATION, ID, List.of())));
        client.context.send(SERVER, StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE, ID, List.of())));
        network.runUntil(100 * MS);
        assertThat(client.payloads).isEmpty();
    }

    @Test
    void answersAMalformedRequestWithAValidHeaderWith400() {
        network.attach(SERVER, new StunServer());
        network.attach(CLIENT, client);
        byte[] request = StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.REQUEST, ID,
                List.of(new Software("abcd"))));
        request[22] = 0x04; // SOFTWARE's length field now claims 0x0404 bytes: a truncated attribute
        assertThat(StunDecoder.decode(request)).isInstanceOf(Malformed.class);

        client.context.send(SERVER, request);
        network.runUntil(100 * MS);

        StunMessage response = client.only();
        assertThat(response.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
        assertThat(response.transactionId()).isEqualTo(ID);
        assertThat(response.first(ErrorCode.class).map(ErrorCode::code)).contains(400);
    }

    @Test
    void answersUnknownComprehensionRequiredAttributesWith420ListingOnlyThose() {
        network.attach(SERVER, new StunServer());
        network.attach(CLIENT, client);

        StunMessage response = ask(List.of(
                new Opaque(0x07AD, new byte[4]),
                new Opaque(0x8050, new byte[4]), // comprehension-optional: ignored
                new Opaque(0x7FFF, new byte[2]),
                new Opaque(0x07AD, new byte[4])), SERVER);

        assertThat(response.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
        assertThat(response.first(ErrorCode.class).map(ErrorCode::code)).contains(420);
        assertThat(response.first(UnknownAttributes.class)).contains(new UnknownAttributes(List.of(0x07AD, 0x7FFF)));
    }

    /** A request as long as a datagram can be, of zero-length comprehension-required attributes, each of its own type. */
    private static byte[] fullOfUnknownAttributes() {
        List<StunAttribute> attributes = new ArrayList<>();
        int fit = (65_507 - StunMessage.HEADER_LENGTH) / 4;
        for (int i = 0; i < fit; i++) {
            attributes.add(new Opaque(0x4000 + i, new byte[0]));
        }
        return StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.REQUEST, ID, attributes));
    }

    @Test
    void aDatagramFullOfDistinctUnknownAttributesListsEachOnceInOrder() {
        // The types seen are kept in a set rather than scanned for each attribute: a scan made this
        // datagram cost a hundred times a plain one. How long it takes is for the benchmarks to
        // say; here, that the 420 still lists each type once, in the order first seen.
        network.attach(SERVER, new StunServer());
        network.attach(CLIENT, client);
        byte[] distinct = fullOfUnknownAttributes();
        client.context.send(SERVER, distinct);
        network.runUntil(network.now() + 100 * MS);
        StunMessage response = client.only();
        assertThat(response.first(ErrorCode.class).map(ErrorCode::code)).contains(420);
        List<Integer> listed = response.first(UnknownAttributes.class).orElseThrow().types();
        assertThat(listed).hasSize(16_371).doesNotHaveDuplicates().startsWith(0x4000, 0x4001).endsWith(0x4000 + 16_370);
        assertThat(client.payloads.get(0).length).isLessThan(distinct.length);
    }

    @Test
    void aPlainServerTreatsChangeRequestAsUnknown() {
        network.attach(SERVER, new StunServer());
        network.attach(CLIENT, client);

        StunMessage response = ask(List.of(new ChangeRequest(true, true)), SERVER);

        assertThat(response.first(ErrorCode.class).map(ErrorCode::code)).contains(420);
        assertThat(response.first(UnknownAttributes.class)).contains(new UnknownAttributes(List.of(0x0003)));
    }

    @Test
    void anRfc5780ServerAnswersFromTheSocketTheChangeRequestNames() {
        StunServer.withAlternate(SERVER, ALTERNATE, "rfc5780").forEach(network::attach);
        network.attach(CLIENT, client);
        Endpoint altIpPrimaryPort = new Endpoint(ALTERNATE.ip(), SERVER.port());
        Endpoint primaryIpAltPort = new Endpoint(SERVER.ip(), ALTERNATE.port());

        record Case(Endpoint askedAt, ChangeRequest change, Endpoint expectedOrigin, Endpoint expectedOther) {}
        List<Case> cases = List.of(
                new Case(SERVER, new ChangeRequest(false, false), SERVER, ALTERNATE),
                new Case(SERVER, new ChangeRequest(true, true), ALTERNATE, ALTERNATE),
                new Case(SERVER, new ChangeRequest(false, true), primaryIpAltPort, ALTERNATE),
                new Case(SERVER, new ChangeRequest(true, false), altIpPrimaryPort, ALTERNATE),
                new Case(altIpPrimaryPort, new ChangeRequest(false, false), altIpPrimaryPort, primaryIpAltPort),
                new Case(ALTERNATE, new ChangeRequest(true, true), SERVER, SERVER));
        for (Case c : cases) {
            client.sources.clear();
            client.payloads.clear();
            StunMessage response = ask(List.of(c.change()), c.askedAt());
            assertThat(client.sources).as("%s", c).containsExactly(c.expectedOrigin());
            assertThat(response.first(ResponseOrigin.class)).as("%s", c).contains(new ResponseOrigin(StunAddress.of(c.expectedOrigin())));
            assertThat(response.first(OtherAddress.class)).as("%s", c).contains(new OtherAddress(StunAddress.of(c.expectedOther())));
            assertThat(response.first(XorMappedAddress.class)).contains(new XorMappedAddress(StunAddress.of(CLIENT)));
        }
    }

    @Test
    void anRfc5780ServerPadsTheAnswerToAPaddedRequest() {
        StunServer.withAlternate(SERVER, ALTERNATE, "rfc5780").forEach(network::attach);
        network.attach(CLIENT, client);

        StunMessage response = ask(List.of(new Padding(1500)), SERVER);

        assertThat(response.isBinding(StunClass.SUCCESS_RESPONSE)).isTrue();
        assertThat(response.first(Padding.class)).contains(new Padding(1500));
        assertThat(client.payloads.get(0).length).isGreaterThan(1500);
    }

    @Test
    void anRfc5780ServerHonoursResponsePort() {
        StunServer.withAlternate(SERVER, ALTERNATE, "rfc5780").forEach(network::attach);
        Inbox other = new Inbox();
        network.attach(CLIENT, client);
        network.attach(new Endpoint(CLIENT.ip(), 40001), other);

        client.context.send(SERVER, StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.REQUEST, ID,
                List.of(new ResponsePort(40001)))));
        network.runUntil(100 * MS);

        assertThat(client.payloads).isEmpty();
        assertThat(other.only().first(XorMappedAddress.class)).contains(new XorMappedAddress(StunAddress.of(CLIENT)));
    }

    @Test
    void answersFromAnotherAddressAreLimitedPerSourceWhilePlainOnesAreNot() {
        java.util.Map<Endpoint, StunServer> servers = StunServer.withAlternate(SERVER, ALTERNATE, "rfc5780", 5);
        servers.forEach(network::attach);
        Inbox elsewhere = new Inbox();
        Endpoint sameAddressOtherPort = new Endpoint(CLIENT.ip(), 40001);
        network.attach(CLIENT, client);
        network.attach(sameAddressOtherPort, elsewhere);
        // Twenty requests that each ask for an answer from the alternate address: five are answered.
        for (int i = 0; i < 20; i++) {
            client.context.send(SERVER, StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.REQUEST, ID,
                    List.of(new ChangeRequest(true, true)))));
        }
        network.runUntil(network.now() + 100 * MS);
        assertThat(client.sources).hasSize(5).containsOnly(ALTERNATE);
        // Another port of the same address shares its budget, for RESPONSE-PORT as for CHANGE-REQUEST.
        elsewhere.context.send(SERVER, StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.REQUEST, ID,
                List.of(new ResponsePort(40000)))));
        network.runUntil(network.now() + 100 * MS);
        assertThat(client.payloads).hasSize(5);
        assertThat(servers.get(SERVER).changedAnswersWithheld()).isEqualTo(16);
        // Plain requests are still answered, from the socket asked, to their source.
        client.sources.clear();
        for (int i = 0; i < 20; i++) {
            client.context.send(SERVER, StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.REQUEST, ID,
                    List.of(new ChangeRequest(false, false)))));
        }
        network.runUntil(network.now() + 100 * MS);
        assertThat(client.sources).hasSize(20).containsOnly(SERVER);
    }

    @Test
    void aFailingHandlerDropsItsDatagramAndTheServerGoesOn() {
        StunServer server = new StunServer();
        network.attach(CLIENT, client);
        // A context that fails on the first send stands in for any bug in a handler.
        boolean[] fail = {true};
        Machine failing = new Machine() {
            @Override
            public void start(Context context) {
                server.start(new Context() {
                    public long now() { return context.now(); }
                    public Endpoint localAddress() { return context.localAddress(); }
                    public void send(Endpoint to, byte[] payload) {
                        if (fail[0]) {
                            fail[0] = false;
                            throw new IllegalStateException("a failing handler");
                        }
                        context.send(to, payload);
                    }
                    public long setTimer(long atNanos, Runnable action) { return context.setTimer(atNanos, action); }
                    public void cancelTimer(long handle) { context.cancelTimer(handle); }
                    public java.util.random.RandomGenerator random() { return context.random(); }
                    public void emit(io.punchsim.protocol.event.StepEvent event) { context.emit(event); }
                });
            }

            @Override
            public void onDatagram(Endpoint source, byte[] payload) {
                server.onDatagram(source, payload);
            }
        };
        network.attach(SERVER, failing);
        client.context.send(SERVER, StunWire.bindingRequest(new byte[12]));
        network.runUntil(network.now() + 100 * MS);
        client.context.send(SERVER, StunWire.bindingRequest(new byte[12]));
        network.runUntil(network.now() + 100 * MS);
        assertThat(server.unhandled()).isEqualTo(1);
        assertThat(client.payloads).hasSize(1);
    }
}
