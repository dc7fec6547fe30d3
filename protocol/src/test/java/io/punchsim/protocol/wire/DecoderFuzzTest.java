package io.punchsim.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.StunWire;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated inputs: the decoders answer every one with a message or a typed error, and
 * never throw.
 */
class DecoderFuzzTest {

    private static final long SEED = 0x5053_2026L;
    private static final int CASES = 100_000;

    @Test
    void messageDecoderSurvivesRandomInput() {
        run("random", SEED, rnd -> {
            byte[] b = new byte[rnd.nextInt(64)];
            rnd.nextBytes(b);
            // Half the time give it a valid header so the field decoders are reached.
            if (b.length >= 4 && rnd.nextBoolean()) {
                b[0] = 0x50; b[1] = 0x53; b[2] = 1;
                b[3] = (byte) MessageType.values()[rnd.nextInt(MessageType.values().length)].code();
            }
            assertTyped(b);
        });
    }

    @Test
    void messageDecoderSurvivesMutatedMessages() {
        List<Message> samples = MessageCodecTest.samples();
        run("mutated", SEED + 1, rnd -> {
            byte[] b = MessageCodec.encode(samples.get(rnd.nextInt(samples.size())));
            b = mutate(b, rnd);
            assertTyped(b);
        });
    }

    @Test
    void stunDecoderSurvivesRandomAndMutatedInput() {
        byte[] tid = new byte[12];
        byte[] request = StunWire.bindingRequest(tid);
        run("stun", SEED + 2, rnd -> {
            byte[] b;
            if (rnd.nextBoolean()) {
                b = new byte[rnd.nextInt(80)];
                rnd.nextBytes(b);
            } else {
                b = mutate(successResponse(tid), rnd);
            }
            StunWire.isStun(b);
            StunWire.mappedAddress(b, tid);
        });
        assertThat(StunWire.mappedAddress(successResponse(tid), tid))
                .contains(Endpoint.parse("192.0.2.1:32853"));
        assertThat(StunWire.isStun(request)).isTrue();
    }

    private static byte[] successResponse(byte[] tid) {
        // Binding success with XOR-MAPPED-ADDRESS 192.0.2.1:32853 (RFC 5769 2.2 style values).
        byte[] b = new byte[32];
        b[0] = 0x01; b[1] = 0x01; b[3] = 12;
        b[4] = 0x21; b[5] = 0x12; b[6] = (byte) 0xA4; b[7] = 0x42;
        System.arraycopy(tid, 0, b, 8, 12);
        b[20] = 0; b[21] = 0x20; b[22] = 0; b[23] = 8;
        b[25] = 1;
        b[26] = (byte) 0xA1; b[27] = 0x47;
        b[28] = (byte) 0xE1; b[29] = 0x12; b[30] = (byte) 0xA6; b[31] = 0x43;
        return b;
    }

    private static byte[] mutate(byte[] b, SplittableRandom rnd) {
        switch (rnd.nextInt(4)) {
            case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            case 1 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            case 2 -> {
                b = java.util.Arrays.copyOf(b, b.length + 1 + rnd.nextInt(8));
                b[b.length - 1] = (byte) rnd.nextInt();
            }
            default -> {
                for (int i = 0; i < 3; i++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt();
                }
            }
        }
        return b;
    }

    private static void assertTyped(byte[] b) {
        Decoded d = MessageCodec.decode(b);
        if (d instanceof Decoded.Ok ok) {
            // Whatever decodes must re-encode to the same bytes: no field was silently dropped.
            assertThat(MessageCodec.encode(ok.message())).containsExactly(b);
        } else {
            assertThat(((Decoded.Malformed) d).error()).isNotNull();
        }
    }

    private static void run(String name, long seed, Consumer<SplittableRandom> test) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < CASES; i++) {
            try {
                test.accept(rnd);
            } catch (RuntimeException | AssertionError e) {
                fail(name + " case " + i + " failed (seed " + seed + "): " + e, e);
            }
        }
    }
}
