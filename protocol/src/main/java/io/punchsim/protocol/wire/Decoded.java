package io.punchsim.protocol.wire;

/** The result of decoding a datagram: a message, or a typed reason why it is not one. */
public sealed interface Decoded {

    record Ok(Message message) implements Decoded {}

    record Malformed(DecodeError error, String detail) implements Decoded {}
}
