package io.punchsim.protocol.stun;

/** What {@link StunDecoder#decode(byte[])} makes of a datagram; decoding never throws. */
public sealed interface DecodeResult permits Decoded, Malformed {}
