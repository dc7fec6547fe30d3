package io.punchsim.nat;

/** How a NAT with several external addresses picks one for a new mapping (RFC 4787 section 4.1). */
public enum Pooling {
    /** Every mapping of one internal IP address uses the same external address (RFC 4787 REQ-2). */
    PAIRED,
    /** Each new mapping draws an external address on its own. */
    ARBITRARY
}
