package io.punchsim.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Props counts UTF-8 lengths without encoding: the count must be what the JDK's encoder produces. */
class PropsLengthTest {

    @Test
    void theCountedLengthIsTheEncodedLength() {
        SplittableRandom random = new SplittableRandom(5);
        // ASCII, two- and three-byte chars, valid pairs, and lone or reversed surrogates.
        char[] pool = {'a', 'Z', '~', '\u00e9', '\u07ff', '\u0800', '\u4e2d', '\uffff', '\ud83d', '\ude00', '\udbff', '\udc00'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.append(pool[random.nextInt(pool.length)]);
            }
            String text = s.toString();
            assertThat(Props.utf8Length(text)).as("%s", text.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
