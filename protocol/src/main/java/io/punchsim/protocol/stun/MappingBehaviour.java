package io.punchsim.protocol.stun;

/** How a NAT reuses a mapping across destinations (RFC 4787 section 4.1, RFC 5780 section 4.3). */
public enum MappingBehaviour {
    ENDPOINT_INDEPENDENT, ADDRESS_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT
}
