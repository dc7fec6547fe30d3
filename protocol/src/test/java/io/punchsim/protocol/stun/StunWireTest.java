package io.punchsim.protocol.stun;

import static org.assertj.core.api.Assertions.assertThat;

import io.punchsim.protocol.net.Endpoint;
import io.punchsim.protocol.stun.StunAttribute.ErrorCode;
import io.punchsim.protocol.stun.StunAttribute.Fingerprint;
import io.punchsim.protocol.stun.StunAttribute.MappedAddress;
import io.punchsim.protocol.stun.StunAttribute.XorMappedAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class StunWireTest {

    private static final byte[] ID = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2};
    private static final Endpoint REFLEXIVE = Endpoint.parse("198.51.100.1:20000");
    private static final StunAddress V6 = new StunAddress.V6(0x20010db800000000L, 7L, 20000);

    private static byte[] success(StunAttribute... attributes) {
        return StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE, new TransactionId(ID),
                List.of(attributes)));
    }

    @Test
    void fallsBackToMappedAddressForServersOlderThanRfc5389() {
        assertThat(StunWire.mappedAddress(success(new MappedAddress(StunAddress.of(REFLEXIVE))), ID)).contains(REFLEXIVE);
    }

    @Test
    void prefersXorMappedAddressAndSkipsIpv6Addresses() {
        Endpoint other = Endpoint.parse("192.0.2.99:1");
        assertThat(StunWire.mappedAddress(success(new MappedAddress(StunAddress.of(other)),
                new XorMappedAddress(StunAddress.of(REFLEXIVE))), ID)).contains(REFLEXIVE);
        assertThat(StunWire.mappedAddress(success(new XorMappedAddress(V6),
                new MappedAddress(StunAddress.of(REFLEXIVE))), ID)).contains(REFLEXIVE);
        assertThat(StunWire.mappedAddress(success(new XorMappedAddress(V6)), ID)).isEmpty();
    }

    @Test
    void isEmptyForErrorsGarbageAndBadArguments() {
        byte[] error = StunEncoder.encode(new StunMessage(StunMessage.BINDING, StunClass.ERROR_RESPONSE, new TransactionId(ID),
                List.of(new ErrorCode(400, "Bad Request"), new XorMappedAddress(StunAddress.of(REFLEXIVE)), Fingerprint.toBeComputed())));
        assertThat(StunWire.mappedAddress(error, ID)).isEmpty();
        assertThat(StunWire.mappedAddress(new byte[0], ID)).isEmpty();
        assertThat(StunWire.mappedAddress(null, ID)).isEmpty();
        assertThat(StunWire.mappedAddress(success(new XorMappedAddress(StunAddress.of(REFLEXIVE))), null)).isEmpty();
        assertThat(StunWire.mappedAddress(success(new XorMappedAddress(StunAddress.of(REFLEXIVE))), new byte[3])).isEmpty();
        assertThat(StunWire.isStun(null)).isFalse();
        assertThat(StunWire.isStun(new byte[19])).isFalse();
    }
}
