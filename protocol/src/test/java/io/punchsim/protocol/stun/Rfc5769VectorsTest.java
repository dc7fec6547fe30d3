package io.punchsim.protocol.stun;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.StunAttribute.Fingerprint;
import io.punchsim.protocol.stun.StunAttribute.MessageIntegrity;
import io.punchsim.protocol.stun.StunAttribute.Opaque;
import io.punchsim.protocol.stun.StunAttribute.Software;
import io.punchsim.protocol.stun.StunAttribute.Username;
import io.punchsim.protocol.stun.StunAttribute.XorMappedAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample messages of RFC 5769 section 2, byte for byte. */
class Rfc5769VectorsTest {

    private static final byte[] KEY = "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TRANSACTION = hex("b7e7a701bc34d686fa87dfae");
    /** RFC 5769 pads with spaces, which receivers ignore; re-encoding byte for byte needs the same. */
    private static final StunEncoder.Options AS_IN_RFC = new StunEncoder.Options(KEY, (byte) 0x20);

    // Section 2.1: sample request.
    static final byte[] REQUEST = hex(
            "000100582112a442b7e7a701bc34d686fa87dfae"
            + "802200105354554e207465737420636c69656e74"
            + "002400046e0001ff"
            + "80290008932ff9b151263b36"
            + "000600096576746a3a68367659202020"
            + "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"
            + "80280004e57a3bcf");

    // Section 2.2: sample IPv4 response.
    static final byte[] IPV4_RESPONSE = hex(
            "0101003c2112a442b7e7a701bc34d686fa87dfae"
            + "8022000b7465737420766563746f7220"
            + "002000080001a147e112a643"
            + "000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7"
            + "80280004c07d4c96");

    // Section 2.3: sample IPv6 response.
    static final byte[] IPV6_RESPONSE = hex(
            "010100482112a442b7e7a701bc34d686fa87dfae"
            + "8022000b7465737420766563746f7220"
            + "002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9"
            + "00080014a382954e4be67bf11784c97c8292c275bfe3ed41"
            + "80280004c8fb0b4c");

    @Test
    void sampleRequestDecodesToTheStatedValuesAndVerifies() {
        Decoded decoded = decoded(REQUEST);
        StunMessage message = decoded.message();

        assertThat(message.method()).isEqualTo(StunMessage.BINDING);
        assertThat(message.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(message.transactionId()).isEqualTo(new TransactionId(TRANSACTION));
        assertThat(message.attributes()).containsExactly(
                new Software("STUN test client"),
                new Opaque(0x0024, hex("6e0001ff")),
                new Opaque(0x8029, hex("932ff9b151263b36")),
                new Username("evtj:h6vY"),
                new MessageIntegrity(hex("9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2")),
                new Fingerprint(0xe57a3bcf));
        assertThat(decoded.integrityMatches(KEY)).isTrue();
        assertThat(decoded.integrityMatches("wrong password".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void ipv4ResponseDecodesToTheStatedAddressAndVerifies() {
        Decoded decoded = decoded(IPV4_RESPONSE);
        StunMessage message = decoded.message();

        assertThat(message.isBinding(StunClass.SUCCESS_RESPONSE)).isTrue();
        assertThat(message.first(Software.class)).contains(new Software("test vector"));
        assertThat(message.first(XorMappedAddress.class).map(XorMappedAddress::address))
                .contains(new StunAddress.V4(Endpoint.parseIp("192.0.2.1"), 32853));
        assertThat(message.first(MessageIntegrity.class))
                .contains(new MessageIntegrity(hex("2b91f599fd9e90c38c7489f92af9ba53f06be7d7")));
        assertThat(message.first(Fingerprint.class)).contains(new Fingerprint(0xc07d4c96));
        assertThat(decoded.integrityMatches(KEY)).isTrue();
    }

    @Test
    void ipv6ResponseDecodesToTheStatedAddressAndVerifies() {
        Decoded decoded = decoded(IPV6_RESPONSE);
        StunMessage message = decoded.message();

        StunAddress expected = new StunAddress.V6(0x20010db812345678L, 0x0011223344556677L, 32853);
        assertThat(message.first(XorMappedAddress.class).map(XorMappedAddress::address)).contains(expected);
        assertThat(expected).hasToString("[2001:db8:1234:5678:11:2233:4455:6677]:32853");
        assertThat(message.first(Fingerprint.class)).contains(new Fingerprint(0xc8fb0b4c));
        assertThat(decoded.integrityMatches(KEY)).isTrue();
    }

    @Test
    void reEncodingEachVectorYieldsTheSameBytes() {
        for (byte[] vector : List.of(REQUEST, IPV4_RESPONSE, IPV6_RESPONSE)) {
            assertThat(HexFormat.of().formatHex(StunEncoder.encode(decoded(vector).message(), AS_IN_RFC)))
                    .isEqualTo(HexFormat.of().formatHex(vector));
        }
    }

    @Test
    void encodingFromPlaceholdersComputesTheRfcDigests() {
        // Built from scratch, not decoded: the digests must come out as the RFC prints them.
        StunMessage response = new StunMessage(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE, new TransactionId(TRANSACTION),
                List.of(new Software("test vector"),
                        new XorMappedAddress(new StunAddress.V4(Endpoint.parseIp("192.0.2.1"), 32853)),
                        MessageIntegrity.toBeComputed(),
                        Fingerprint.toBeComputed()));
        assertThat(StunEncoder.encode(response, AS_IN_RFC)).isEqualTo(IPV4_RESPONSE);
    }

    @Test
    void aFlippedBitAnywhereBeforeTheFingerprintIsCaught() {
        // Up to the FINGERPRINT attribute itself: an edited type there is just an ignored attribute.
        for (int i = 20; i < REQUEST.length - 8; i++) {
            byte[] damaged = REQUEST.clone();
            damaged[i] ^= 0x01;
            DecodeResult result = StunDecoder.decode(damaged);
            assertThat(result).as("byte %d", i).isInstanceOf(Malformed.class);
        }
        byte[] damagedCrc = IPV4_RESPONSE.clone();
        damagedCrc[damagedCrc.length - 1] ^= 0x01;
        assertThat(StunDecoder.decode(damagedCrc)).isInstanceOfSatisfying(Malformed.class,
                malformed -> assertThat(malformed.error()).isEqualTo(DecodeError.BAD_FINGERPRINT));
    }

    @Test
    void stunWireReadsTheRfcResponsesForTheirTransactionOnly() {
        assertThat(StunWire.mappedAddress(IPV4_RESPONSE, TRANSACTION)).contains(Endpoint.parse("192.0.2.1:32853"));
        assertThat(StunWire.mappedAddress(IPV4_RESPONSE, new byte[12])).isEmpty();
        assertThat(StunWire.mappedAddress(IPV6_RESPONSE, TRANSACTION)).as("IPv6 is no Endpoint").isEmpty();
        assertThat(StunWire.mappedAddress(REQUEST, TRANSACTION)).as("a request is no response").isEmpty();
        assertThat(StunWire.isStun(REQUEST)).isTrue();
        assertThat(StunWire.isStun(hex("4001000c2112a442b7e7a701bc34d686fa87dfae"))).isFalse();
    }

    @Test
    void bindingRequestIsTheMinimalRfc8489RequestWithFingerprint() {
        byte[] request = StunWire.bindingRequest(TRANSACTION);
        // Header with length 8, then FINGERPRINT; CRC checked independently through java.util.zip.
        assertThat(HexFormat.of().formatHex(request, 0, 24))
                .isEqualTo("000100082112a442b7e7a701bc34d686fa87dfae80280004");
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(request, 0, 20);
        assertThat(StunDecoder.getInt(request, 24)).isEqualTo((int) crc.getValue() ^ 0x5354554E);
    }

    static Decoded decoded(byte[] datagram) {
        DecodeResult result = StunDecoder.decode(datagram);
        assertThat(result).isInstanceOf(Decoded.class);
        return (Decoded) result;
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
