package io.punchsim.nat;

/**
 * Which inbound sources a mapping lets through (RFC 4787 section 5): the permission an internal
 * endpoint opens by sending.
 */
public enum FilteringBehaviour {
    /** Any remote endpoint may reach a live mapping ("full cone"). */
    ENDPOINT_INDEPENDENT,
    /** Only IP addresses the internal endpoint has sent to, from any port ("restricted cone"). */
    ADDRESS_DEPENDENT,
    /** Only the exact IP address and port the internal endpoint has sent to ("port-restricted"). */
    ADDRESS_AND_PORT_DEPENDENT
}
