package io.punchsim.protocol.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.StunAttribute.ChangeRequest;
import io.punchsim.protocol.stun.StunAttribute.ErrorCode;
import io.punchsim.protocol.stun.StunAttribute.Fingerprint;
import io.punchsim.protocol.stun.StunAttribute.MappedAddress;
import io.punchsim.protocol.stun.StunAttribute.MessageIntegrity;
import io.punchsim.protocol.stun.StunAttribute.OtherAddress;
import io.punchsim.protocol.stun.StunAttribute.ResponseOrigin;
import io.punchsim.protocol.stun.StunAttribute.ResponsePort;
import io.punchsim.protocol.stun.StunAttribute.Software;
import io.punchsim.protocol.stun.StunAttribute.UnknownAttributes;
import io.punchsim.protocol.stun.StunAttribute.Username;
import io.punchsim.protocol.stun.StunAttribute.XorMappedAddress;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The decoder faces the open network: whatever arrives, it must return a typed result and never
 * throw. Seeded; set {@code -Dstun.fuzz.seed=N} to replay a failure.
 */
class DecoderRobustnessTest {

    private static final int RUNS = 100_000;
    private static final long SEED = Long.getLong("stun.fuzz.seed", 0x5EED_5703L);

    private static final List<byte[]> VALID = validMessages();

    @Test
    void survivesRandomDatagrams() {
        SplittableRandom random = new SplittableRandom(SEED);
        Set<DecodeError> seen = EnumSet.noneOf(DecodeError.class);
        for (int run = 0; run < RUNS; run++) {
            byte[] datagram = new byte[random.nextInt(0, 200)];
            random.nextBytes(datagram);
            if (random.nextBoolean() && datagram.length >= 20) {
                // Half of them get a STUN-looking header, so the attribute walk is exercised too.
                datagram[0] &= 0x3F;
                StunEncoder.putInt(datagram, 4, StunMessage.MAGIC_COOKIE);
                if (random.nextBoolean()) {
                    StunEncoder.putShort(datagram, 2, (datagram.length - 20) & ~3);
                }
            }
            check(datagram, "random", run, seen);
        }
        assertThat(seen).as("seed %d", SEED).contains(DecodeError.TOO_SHORT, DecodeError.NOT_STUN,
                DecodeError.BAD_MAGIC_COOKIE, DecodeError.LENGTH_NOT_MULTIPLE_OF_4, DecodeError.TRUNCATED_ATTRIBUTE);
    }

    @Test
    void survivesMutatedValidMessages() {
        SplittableRandom random = new SplittableRandom(SEED);
        Set<DecodeError> seen = EnumSet.noneOf(DecodeError.class);
        int stillValid = 0;
        for (int run = 0; run < RUNS; run++) {
            byte[] datagram = mutate(VALID.get(random.nextInt(VALID.size())), random);
            if (check(datagram, "mutated", run, seen)) {
                stillValid++;
            }
        }
        assertThat(seen).as("seed %d", SEED).contains(DecodeError.BAD_FINGERPRINT, DecodeError.TRUNCATED_ATTRIBUTE,
                DecodeError.LENGTH_EXCEEDS_DATAGRAM, DecodeError.TRAILING_BYTES, DecodeError.BAD_ADDRESS_FAMILY,
                DecodeError.BAD_ATTRIBUTE_LENGTH, DecodeError.LENGTH_NOT_MULTIPLE_OF_4);
        assertThat(stillValid).as("seed %d: some mutations keep a message valid", SEED).isPositive();
    }

    /** Decodes and checks the result is typed; true when it decoded. */
    private static boolean check(byte[] datagram, String kind, int run, Set<DecodeError> seen) {
        DecodeResult result;
        try {
            result = StunDecoder.decode(datagram);
            StunWire.mappedAddress(datagram, new byte[12]);
            StunWire.isStun(datagram);
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + SEED + ", " + kind + " run " + run + " threw on "
                    + HexFormat.of().formatHex(datagram), e);
        }
        if (result instanceof Malformed malformed) {
            if (malformed.error() == null) {
                fail("seed %d, %s run %d: malformed without an error", SEED, kind, run);
            }
            seen.add(malformed.error());
            return false;
        }
        if (!(result instanceof Decoded decoded) || decoded.message() == null) {
            fail("seed %d, %s run %d: neither Decoded nor Malformed: %s", SEED, kind, run, result);
            return false;
        }
        return true;
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] datagram = original.clone();
        switch (random.nextInt(6)) {
            case 0 -> { // bit flips
                int flips = random.nextInt(1, 4);
                for (int i = 0; i < flips; i++) {
                    datagram[random.nextInt(datagram.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> datagram = java.util.Arrays.copyOf(datagram, random.nextInt(datagram.length)); // truncation
            case 2 -> StunEncoder.putShort(datagram, 2, random.nextInt(0x10000)); // any message length
            case 3 -> StunEncoder.putShort(datagram, 2, Math.max(0, datagram.length - 20 + 4 * random.nextInt(-3, 4)));
            case 4 -> { // an attribute length field, at some attribute boundary or anywhere after the header
                int at = 20 + 2 + 4 * random.nextInt(Math.max(1, (datagram.length - 22) / 4));
                if (at + 1 < datagram.length) {
                    StunEncoder.putShort(datagram, at, random.nextBoolean() ? random.nextInt(0x10000) : random.nextInt(0, 40));
                }
            }
            default -> { // extra bytes
                datagram = java.util.Arrays.copyOf(datagram, datagram.length + random.nextInt(1, 9));
            }
        }
        return datagram;
    }

    private static List<byte[]> validMessages() {
        TransactionId id = new TransactionId(HexFormat.of().parseHex("0102030405060708090a0b0c"));
        StunAddress v4 = StunAddress.of(Endpoint.parse("198.51.100.4:61000"));
        StunAddress v6 = new StunAddress.V6(0x20010db800000000L, 1L, 443);
        StunMessage response = new StunMessage(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE, id, List.of(
                new XorMappedAddress(v4), new MappedAddress(v4), new ResponseOrigin(v4), new OtherAddress(v4),
                new XorMappedAddress(v6), new Software("punchsim"), Fingerprint.toBeComputed()));
        StunMessage error = new StunMessage(StunMessage.BINDING, StunClass.ERROR_RESPONSE, id, List.of(
                new ErrorCode(420, "Unknown Attribute"), new UnknownAttributes(List.of(0x7FFF, 0x0024)),
                Fingerprint.toBeComputed()));
        StunMessage request = new StunMessage(StunMessage.BINDING, StunClass.REQUEST, id, List.of(
                new Username("user:name"), new ChangeRequest(true, false), new ResponsePort(5000),
                MessageIntegrity.toBeComputed(), Fingerprint.toBeComputed()));
        return List.of(Rfc5769VectorsTest.REQUEST, Rfc5769VectorsTest.IPV4_RESPONSE, Rfc5769VectorsTest.IPV6_RESPONSE,
                StunEncoder.encode(response), StunEncoder.encode(error),
                StunEncoder.encode(request, StunEncoder.Options.withKey(new byte[] {1, 2, 3})),
                StunWire.bindingRequest(id.bytes()));
    }
}
