package io.punchsim.protocol.stun;

import java.util.Optional;

/**
 * A datagram that is not a well-formed STUN message.
 *
 * @param header the header, when the first 20 bytes are a valid STUN header (a server answers
 *     such requests with 400 Bad Request); {@code null} otherwise
 */
public record Malformed(DecodeError error, String detail, StunHeader header) implements DecodeResult {

    public Optional<StunHeader> validHeader() {
        return Optional.ofNullable(header);
    }
}
