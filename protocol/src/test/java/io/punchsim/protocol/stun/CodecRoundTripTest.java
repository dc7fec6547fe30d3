package io.punchsim.protocol.stun;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.stun.StunAttribute.ChangeRequest;
import io.punchsim.protocol.stun.StunAttribute.ErrorCode;
import io.punchsim.protocol.stun.StunAttribute.Fingerprint;
import io.punchsim.protocol.stun.StunAttribute.MappedAddress;
import io.punchsim.protocol.stun.StunAttribute.MessageIntegrity;
import io.punchsim.protocol.stun.StunAttribute.Opaque;
import io.punchsim.protocol.stun.StunAttribute.OtherAddress;
import io.punchsim.protocol.stun.StunAttribute.Padding;
import io.punchsim.protocol.stun.StunAttribute.ResponseOrigin;
import io.punchsim.protocol.stun.StunAttribute.ResponsePort;
import io.punchsim.protocol.stun.StunAttribute.Software;
import io.punchsim.protocol.stun.StunAttribute.UnknownAttributes;
import io.punchsim.protocol.stun.StunAttribute.Username;
import io.punchsim.protocol.stun.StunAttribute.XorMappedAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Any message the encoder writes, the decoder reads back as the same message. Seeded. */
class CodecRoundTripTest {

    private static final long SEED = Long.getLong("stun.roundtrip.seed", 0xC0DECL);
    private static final int RUNS = 10_000;

    @Test
    void everyEncodedMessageDecodesToItself() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int run = 0; run < RUNS; run++) {
            byte[] key = new byte[random.nextInt(0, 24)];
            random.nextBytes(key);
            boolean integrity = random.nextBoolean();
            boolean fingerprint = random.nextBoolean();
            List<StunAttribute> body = new ArrayList<>();
            int count = random.nextInt(0, 8);
            for (int i = 0; i < count; i++) {
                body.add(randomAttribute(random));
            }
            List<StunAttribute> all = new ArrayList<>(body);
            if (integrity) {
                all.add(MessageIntegrity.toBeComputed());
            }
            if (fingerprint) {
                all.add(Fingerprint.toBeComputed());
            }
            byte[] id = new byte[12];
            random.nextBytes(id);
            StunMessage message = new StunMessage(random.nextInt(0x1000), StunClass.values()[random.nextInt(4)],
                    new TransactionId(id), all);

            byte[] wire = StunEncoder.encode(message, new StunEncoder.Options(key, (byte) random.nextInt(256)));
            DecodeResult result = StunDecoder.decode(wire);

            String context = "seed " + SEED + ", run " + run + ": " + message;
            assertThat(result).as(context).isInstanceOf(Decoded.class);
            Decoded decoded = (Decoded) result;
            StunMessage back = decoded.message();
            assertThat(back.method()).as(context).isEqualTo(message.method());
            assertThat(back.messageClass()).as(context).isEqualTo(message.messageClass());
            assertThat(back.transactionId()).as(context).isEqualTo(message.transactionId());
            assertThat(back.attributes().subList(0, body.size())).as(context).isEqualTo(body);
            assertThat(back.attributes()).as(context).hasSize(all.size());
            assertThat(decoded.integrityMatches(key)).as(context).isEqualTo(integrity);
            assertThat(wire.length % 4).as(context).isZero();
        }
    }

    private static StunAttribute randomAttribute(SplittableRandom random) {
        return switch (random.nextInt(13)) {
            case 0 -> new MappedAddress(randomAddress(random));
            case 1 -> new XorMappedAddress(randomAddress(random));
            case 2 -> new ResponseOrigin(randomAddress(random));
            case 3 -> new OtherAddress(randomAddress(random));
            case 4 -> new ChangeRequest(random.nextBoolean(), random.nextBoolean());
            case 5 -> new ResponsePort(random.nextInt(0x10000));
            case 6 -> new Padding(random.nextInt(0, 64));
            case 7 -> new Username(randomText(random, 40));
            case 8 -> new Software(randomText(random, 40));
            case 9 -> new ErrorCode(random.nextInt(300, 700), randomText(random, 30));
            case 10 -> new UnknownAttributes(random.ints(random.nextInt(0, 5), 0, 0x10000).boxed().toList());
            default -> {
                int type;
                do {
                    type = random.nextInt(0x10000);
                } while (isKnown(type));
                byte[] value = new byte[random.nextInt(0, 30)];
                random.nextBytes(value);
                yield new Opaque(type, value);
            }
        };
    }

    private static boolean isKnown(int type) {
        return List.of(0x0001, 0x0003, 0x0006, 0x0008, 0x0009, 0x000A, 0x0020, 0x0026, 0x0027, 0x8022, 0x8028, 0x802B, 0x802C)
                .contains(type);
    }

    private static StunAddress randomAddress(SplittableRandom random) {
        return random.nextBoolean()
                ? new StunAddress.V4(random.nextInt(), random.nextInt(0x10000))
                : new StunAddress.V6(random.nextLong(), random.nextLong(), random.nextInt(0x10000));
    }

    private static String randomText(SplittableRandom random, int maxCodePoints) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(0, maxCodePoints);
        for (int i = 0; i < length; i++) {
            // ASCII, Latin-1, CJK and an astral-plane character: 1 to 4 UTF-8 bytes.
            int[] pool = {'a' + random.nextInt(26), 0xE9, 0x30C8, 0x1F3AE};
            text.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        return text.toString();
    }
}
