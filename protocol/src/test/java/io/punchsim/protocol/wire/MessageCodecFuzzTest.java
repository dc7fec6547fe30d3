package io.punchsim.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the cloud message decoder (README "Fuzzing"): every datagram gets a
 * message or a typed error, never an exception, and what decodes encodes to the very same bytes
 * (one encoding per message). The seeds are in {@code MessageCodecFuzzTestInputs/decode}.
 */
class MessageCodecFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void decode(byte[] datagram) {
        Decoded decoded = MessageCodec.decode(datagram);
        String input = Arrays.toString(datagram);
        if (decoded instanceof Decoded.Ok ok) {
            assertThat(MessageCodec.encode(ok.message())).as("re-encoded %s", input).containsExactly(datagram);
            assertThat(MessageKind.classify(datagram)).as("kind of %s", input).isNotNull();
        } else {
            assertThat(((Decoded.Malformed) decoded).error()).as("error for %s", input).isNotNull();
        }
    }
}
