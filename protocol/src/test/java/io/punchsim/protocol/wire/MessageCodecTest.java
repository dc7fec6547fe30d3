package io.punchsim.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.wire.Message.*;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private static final Endpoint A = Endpoint.parse("192.0.2.1:3478");
    private static final Endpoint B = Endpoint.parse("10.0.0.7:50000");

    static List<Message> samples() {
        return List.of(
                new CreateSession(1, Props.CLIENT_SERVER),
                new SessionCreated(2, 77),
                new JoinRandom(3),
                new SessionFound(4, 77),
                new NoSession(5),
                new JoinRequest(6, 77, PeerRole.CLIENT, Props.of(Map.of("a", "b", "mode", "ClientServer"))),
                new JoinAck(7, 77, 2, -5L),
                new Start(8, 77),
                new AddressReport(9, 77, 2, B, A),
                new PeerAddresses(10, 77, A, B, 0x0102030405060708L),
                new Leave(11, 77, 2),
                new SessionClosed(12, 77),
                new SessionFull(5),
                new Ack(-1),
                new Keepalive(77, 2),
                new Relay(77, 2, new byte[] {1, 2, 3}),
                new Ping(77, 3),
                new ConnectRequest(77, 65535, Long.MIN_VALUE),
                new ConnectAccept(77, 6, 99L),
                new GameUpdate(77, 12, Long.MIN_VALUE),
                new GameEcho(77, 12, 123_456_789_012L),
                new BirthdayHint(77, true, -3L),
                new BirthdayProbe(77, Long.MAX_VALUE));
    }

    @Test
    void aBirthdayHintWhoseFlagIsNeitherZeroNorOneIsABadValue() {
        byte[] bytes = MessageCodec.encode(new BirthdayHint(77, false, 1L));
        bytes[8] = 2;
        assertThat(MessageCodec.decode(bytes)).isInstanceOfSatisfying(Decoded.Malformed.class,
                m -> assertThat(m.error()).isEqualTo(DecodeError.BAD_VALUE));
    }

    @Test
    void everyMessageSurvivesARoundTrip() {
        for (Message m : samples()) {
            assertThat(MessageCodec.decode(MessageCodec.encode(m))).isEqualTo(new Decoded.Ok(m));
        }
        assertThat(samples()).extracting(Message::type).containsExactlyInAnyOrder(MessageType.values());
    }

    @Test
    void connectRequestHasTheDocumentedBytes() {
        // magic 'P' 'S', version 2, type 0x21, session 0x0000004D, attempt 0x0006, nonce (README table)
        byte[] expected = {0x50, 0x53, 0x02, 0x21, 0, 0, 0, 0x4D, 0, 6, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(MessageCodec.encode(new ConnectRequest(77, 6, 0x0102030405060708L))).containsExactly(expected);
    }

    @Test
    void peerAddressesHasTheDocumentedBytes() {
        byte[] expected = {0x50, 0x53, 0x02, 0x0A, 0, 0, 0, 10, 0, 0, 0, 77,
            (byte) 192, 0, 2, 1, 0x0D, (byte) 0x96, 10, 0, 0, 7, (byte) 0xC3, 0x50,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE};
        assertThat(MessageCodec.encode(new PeerAddresses(10, 77, A, B, -2L))).containsExactly(expected);
    }

    @Test
    void sizesAreThoseOfTheReadmeTable() {
        // Table "Total bytes"; props {"mode":"ClientServer"} is 1 + 1 + 4 + 1 + 12 = 19 bytes.
        assertThat(MessageCodec.encode(new CreateSession(1, Props.CLIENT_SERVER))).hasSize(8 + 19);
        assertThat(MessageCodec.encode(new JoinRequest(1, 2, PeerRole.HOST, Props.EMPTY))).hasSize(13 + 1);
        assertThat(MessageCodec.encode(new SessionCreated(1, 2))).hasSize(12);
        assertThat(MessageCodec.encode(new JoinRandom(1))).hasSize(8);
        assertThat(MessageCodec.encode(new JoinAck(1, 2, 3, 4))).hasSize(24);
        assertThat(MessageCodec.encode(new AddressReport(1, 2, 3, A, B))).hasSize(28);
        assertThat(MessageCodec.encode(new PeerAddresses(1, 2, A, B, 4))).hasSize(32);
        assertThat(MessageCodec.encode(new Leave(1, 2, 3))).hasSize(16);
        assertThat(MessageCodec.encode(new SessionClosed(1, 2))).hasSize(12);
        assertThat(MessageCodec.encode(new Ack(1))).hasSize(8);
        assertThat(MessageCodec.encode(new Keepalive(1, 2))).hasSize(12);
        assertThat(MessageCodec.encode(new Relay(1, 2, new byte[10]))).hasSize(24);
        assertThat(MessageCodec.encode(new Ping(1, 2))).hasSize(12);
        assertThat(MessageCodec.encode(new ConnectRequest(1, 2, 3))).hasSize(18);
        assertThat(MessageCodec.encode(new ConnectAccept(1, 2, 3))).hasSize(18);
        assertThat(MessageCodec.encode(new GameUpdate(1, 2, 3))).hasSize(20);
        assertThat(MessageCodec.encode(new GameEcho(1, 2, 3))).hasSize(20);
    }

    @Test
    void malformedInputGetsItsTypedError() {
        assertThat(error(new byte[] {0x50, 0x53, 2})).isEqualTo(DecodeError.SHORT);
        assertThat(error(new byte[] {0x51, 0x53, 2, 1})).isEqualTo(DecodeError.WRONG_MAGIC);
        // version 1 had no pairing nonces: its peers cannot take part
        assertThat(error(new byte[] {0x50, 0x53, 1, 1})).isEqualTo(DecodeError.UNSUPPORTED_VERSION);
        assertThat(error(new byte[] {0x50, 0x53, 2, 0x7F})).isEqualTo(DecodeError.UNKNOWN_TYPE);
        assertThat(error(new byte[] {0x50, 0x53, 2, 0x21, 0, 0, 0, 0x4D, 0})).isEqualTo(DecodeError.TRUNCATED);
        // a version-1 connect request (no nonce) ends inside the nonce
        assertThat(error(new byte[] {0x50, 0x53, 2, 0x21, 0, 0, 0, 0x4D, 0, 6})).isEqualTo(DecodeError.TRUNCATED);
        assertThat(error(new byte[] {0x50, 0x53, 2, 0x21, 0, 0, 0, 0x4D, 0, 6, 1, 2, 3, 4, 5, 6, 7, 8, 9}))
                .isEqualTo(DecodeError.TRAILING_BYTES);
        // a relay that claims 200 payload bytes but carries 2
        assertThat(error(new byte[] {0x50, 0x53, 2, 0x12, 0, 0, 0, 1, 0, 0, 0, 2, 0, (byte) 200, 1, 2}))
                .isEqualTo(DecodeError.BAD_LENGTH);
        // role code 9
        assertThat(error(new byte[] {0x50, 0x53, 2, 0x06, 0, 0, 0, 1, 0, 0, 0, 2, 9, 0}))
                .isEqualTo(DecodeError.BAD_VALUE);
        // duplicate property key "k"
        assertThat(error(new byte[] {0x50, 0x53, 2, 0x01, 0, 0, 0, 1, 2, 1, 'k', 0, 1, 'k', 0}))
                .isEqualTo(DecodeError.BAD_VALUE);
        // a property value that is not UTF-8: a lone 0xFF (which decodes to one U+FFFD, one
        // character for one byte), and "/" encoded overlong in two bytes
        assertThat(error(new byte[] {0x50, 0x53, 2, 0x01, 0, 0, 0, 1, 1, 1, 'k', 1, (byte) 0xFF}))
                .isEqualTo(DecodeError.BAD_VALUE);
        assertThat(error(new byte[] {0x50, 0x53, 2, 0x01, 0, 0, 0, 1, 1, 1, 'k', 2, (byte) 0xC0, (byte) 0xAF}))
                .isEqualTo(DecodeError.BAD_VALUE);
        // while real UTF-8 beyond ASCII is a value like any other
        assertThat(MessageCodec.decode(new byte[] {0x50, 0x53, 2, 0x01, 0, 0, 0, 1, 1, 1, 'k', 2, (byte) 0xC3, (byte) 0xA9}))
                .isEqualTo(new Decoded.Ok(new CreateSession(1, Props.of(java.util.Map.of("k", "\u00e9")))));
    }

    @Test
    void classifierNamesEveryType() {
        for (Message m : samples()) {
            assertThat(MessageKind.classify(MessageCodec.encode(m)).name()).isEqualTo(m.type().name());
        }
        assertThat(MessageKind.classify(new byte[] {1, 2})).isEqualTo(MessageKind.UNKNOWN);
        byte[] relay = MessageCodec.encodeRelay(1, 2, MessageCodec.encode(new ConnectRequest(1, 0, 0)));
        assertThat(MessageKind.classifyRelayed(relay)).isEqualTo(MessageKind.CONNECT_REQUEST);
    }

    private static DecodeError error(byte[] bytes) {
        Decoded d = MessageCodec.decode(bytes);
        assertThat(d).isInstanceOf(Decoded.Malformed.class);
        return ((Decoded.Malformed) d).error();
    }
}
