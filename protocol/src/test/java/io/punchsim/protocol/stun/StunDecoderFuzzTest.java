package io.punchsim.protocol.stun;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the STUN decoder (README "Fuzzing"): every datagram gets a message or
 * a typed error, never an exception; whatever decodes encodes and decodes again to the same
 * message. The seeds are in {@code StunDecoderFuzzTestInputs/decode}.
 */
class StunDecoderFuzzTest {

    private static final StunEncoder.Options KEY = StunEncoder.Options.withKey(new byte[] {1, 2, 3});

    @FuzzTest(maxDuration = "20s")
    void decode(byte[] datagram) {
        DecodeResult result = StunDecoder.decode(datagram);
        assertThat(result).as("decode(%s)", Arrays.toString(datagram)).isNotNull();
        if (result instanceof Malformed malformed) {
            assertThat(malformed.error()).isNotNull();
        } else {
            StunMessage message = ((Decoded) result).message();
            // MESSAGE-INTEGRITY is encoded with some key: the shape of the message is what is checked.
            DecodeResult again = StunDecoder.decode(StunEncoder.encode(message, KEY));
            assertThat(again).isInstanceOf(Decoded.class);
            StunMessage read = ((Decoded) again).message();
            assertThat(read.method()).isEqualTo(message.method());
            assertThat(read.messageClass()).isEqualTo(message.messageClass());
            assertThat(read.transactionId()).isEqualTo(message.transactionId());
            assertThat(read.attributes()).hasSameSizeAs(message.attributes());
        }
        // The peers' own reading of answers takes the same bytes.
        StunWire.isStun(datagram);
        if (datagram.length >= StunMessage.HEADER_LENGTH) {
            StunWire.mappedAddress(datagram, Arrays.copyOfRange(datagram, 8, 20));
        }
    }
}
