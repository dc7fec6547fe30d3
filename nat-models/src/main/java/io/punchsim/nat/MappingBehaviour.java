package io.punchsim.nat;

/**
 * How a NAT reuses an external endpoint for an internal endpoint (RFC 4787 section 4.1): which
 * changes of destination make it create a new mapping.
 */
public enum MappingBehaviour {
    /** One mapping per internal endpoint, whatever the destination (RFC 4787 REQ-1). */
    ENDPOINT_INDEPENDENT,
    /** A new mapping for each destination IP address; the destination port does not matter. */
    ADDRESS_DEPENDENT,
    /** A new mapping for each destination IP address and port ("symmetric"). */
    ADDRESS_AND_PORT_DEPENDENT
}
