package io.punchsim.scenarios.model;

/** Something that goes wrong at a given virtual time of a run. */
public sealed interface FaultSpec {

    /** A link carries nothing between {@code from} and {@code to}. */
    record LinkDown(FaultLink link, FaultDirection direction, long fromNanos, long toNanos) implements FaultSpec {
    }

    /** A link loses packets at {@code rate} between {@code from} and {@code to}, on top of its own loss. */
    record LossBurst(FaultLink link, FaultDirection direction, long fromNanos, long toNanos, double rate)
            implements FaultSpec {
    }

    /** A NAT drops all its mappings at {@code at}; {@code hop} counts from the peer outward (0 = nearest). */
    record NatRebinding(Side side, int hop, long atNanos) implements FaultSpec {
    }

    /** The links a fault can hit: a peer's access link, or the attachment of the cloud or STUN server. */
    enum FaultLink { HOST, CLIENT, CLOUD, STUN }

    enum FaultDirection { UP, DOWN, BOTH }

    enum Side { HOST, CLIENT }
}
