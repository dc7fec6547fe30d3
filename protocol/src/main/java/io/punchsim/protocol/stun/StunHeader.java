package io.punchsim.protocol.stun;

/** The fixed 20-byte header of a STUN message, without the length field. */
public record StunHeader(int method, StunClass messageClass, TransactionId transactionId) {}
