package io.punchsim.protocol.stun;

/** Which inbound sources a NAT lets through a mapping (RFC 4787 section 5, RFC 5780 section 4.4). */
public enum FilteringBehaviour {
    ENDPOINT_INDEPENDENT, ADDRESS_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT
}
